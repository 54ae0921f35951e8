// Trunk post-build hook (see Trunk.toml): finishes the build in the staging directory.
// 1. Content-Security-Policy: trunk injects an inline <script type="module"> that loads the
//    wasm; its sha256 replaces the 'sha256-TRUNK-LOADER' placeholder in index.html's CSP, so
//    script-src allows exactly that inline script and nothing else inline.
// 2. Service worker: writes the build's asset list and a content hash (the cache version)
//    into sw.js, so the worker precaches every file and a new build replaces the old cache.
// 3. Head order: the stylesheets become one file and the app's JS and wasm are preloaded
//    first (see head.mjs).
// 4. Loading screen: the stylesheet moves into <body> after the loading screen, so the screen
//    paints from the first HTML bytes, and the screen learns the start-up download size.
// 5. Corpus bundle: corpus/bundle.json holds every corpus file (see corpus-bundle.mjs); the
//    worker precaches the bundle instead of the separate files, which stay as a fallback.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BUNDLE, bundledPaths, corpusBundle } from './corpus-bundle.mjs';
import { mergeStylesheets, preloadAppFirst, stylesheetAfterBoot, fillBootSize } from './head.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk only)');
  process.exit(1);
}

const PLACEHOLDER = "'sha256-TRUNK-LOADER'";

/** Every file under `root`, as sorted relative paths with forward slashes. */
export async function listFiles(root) {
  const out = [];
  async function walk(folder) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.push(relative(root, path).split(sep).join('/'));
    }
  }
  await walk(root);
  return out.sort();
}

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) {
  console.error(`post-build: expected one inline module script, found ${inline.length}`);
  process.exit(1);
}
const hash = createHash('sha256').update(inline[0][1], 'utf8').digest('base64');
if (!html.includes(PLACEHOLDER)) {
  console.error(`post-build: index.html has no ${PLACEHOLDER} in its CSP`);
  process.exit(1);
}
html = html.replace(PLACEHOLDER, `'sha256-${hash}'`);
html = stylesheetAfterBoot(preloadAppFirst(await mergeStylesheets(dir, html)));

const corpusDir = join(dir, 'corpus');
await writeFile(join(corpusDir, BUNDLE), await corpusBundle(corpusDir));
html = await fillBootSize(dir, html);
await writeFile(indexPath, html);
const bundled = new Set(await bundledPaths(corpusDir));

const files = (await listFiles(dir)).filter((f) => f !== 'sw.js' && !bundled.has(f));
const version = createHash('sha256');
for (const file of files) {
  version.update(file);
  version.update(await readFile(join(dir, file)));
}
const swPath = join(dir, 'sw.js');
const sw = await readFile(swPath, 'utf8');
const assets = ['./', ...files];
const filled = sw
  .replace("const VERSION = 'unbuilt';", `const VERSION = '${version.digest('hex').slice(0, 16)}';`)
  .replace('const ASSETS = [];', `const ASSETS = ${JSON.stringify(assets)};`);
if (filled === sw) {
  console.error('post-build: sw.js has no VERSION/ASSETS placeholders');
  process.exit(1);
}
await writeFile(swPath, filled);
console.log(`post-build: CSP loader hash set; corpus bundled (${bundled.size} files); sw.js precaches ${assets.length} assets`);
