// The sample corpus as one file, so the app fetches one file instead of ~80 (round trips, not
// bytes, dominated the cold load). Written into the build by post-build.mjs; the app's loader
// (src/ui/state/corpus_fetch.rs) reads it first and falls back to the files one by one.
// Format: {"files": [["index.json", text], [path, text], ...]} in index.json's order.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BUNDLE = 'bundle.json';

/** The bundle text for the corpus folder `corpusDir` (which holds index.json). */
export async function corpusBundle(corpusDir) {
  const indexText = await readFile(join(corpusDir, 'index.json'), 'utf8');
  const index = JSON.parse(indexText);
  if (!Array.isArray(index.files)) throw new Error(`${corpusDir}/index.json has no files list`);
  const files = [['index.json', indexText]];
  for (const path of index.files) files.push([path, await readFile(join(corpusDir, path), 'utf8')]);
  return JSON.stringify({ files });
}

/** The corpus files the bundle carries (index.json and every listed file), as corpus/ paths. */
export async function bundledPaths(corpusDir) {
  const index = JSON.parse(await readFile(join(corpusDir, 'index.json'), 'utf8'));
  return ['corpus/index.json', ...index.files.map((f) => `corpus/${f}`)];
}
