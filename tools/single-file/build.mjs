// Builds one self-contained HTML file from a trunk build: CSS, the wasm-bindgen glue, the wasm
// module, the model and the corpus all inline, so it opens from file:// with no server.
// Usage: node tools/single-file/build.mjs <trunk-dist-dir> <out.html>
// The app's fetch layer (src/ui/state/fetch.rs) asks window.__ragtuneAsset(path) before the
// network; this file defines it over a table of base64 strings.
import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node tools/single-file/build.mjs <trunk-dist-dir> <out.html>');
  process.exit(2);
}

const html = await readFile(join(dist, 'index.html'), 'utf8');
const must = (match, what) => {
  if (!match) {
    console.error(`single-file: ${what} not found in ${dist}/index.html`);
    process.exit(1);
  }
  return match;
};

const styles = [];
for (const [, href] of html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)) {
  styles.push(await readFile(join(dist, href), 'utf8'));
}
const jsName = must(html.match(/import init, \* as bindings from '\.\/([^']+\.js)'/), 'the glue import')[1];
const wasmName = must(html.match(/module_or_path: '\.\/([^']+\.wasm)'/), 'the wasm path')[1];
const description = must(html.match(/<meta name="description"[^>]*>/), 'the description')[0];
// The loading screen: its markup, look and script, as in the served page, so the file shows
// something readable while the browser parses its megabytes of inline data. The sentence's
// download size does not apply to a file already on disk.
const bootMarkup = must(html.match(/<div id="boot"[\s\S]*?<\/div>\s*<\/div>/), 'the loading screen')[0]
  .replace(/data-bytes="\d+"/, 'data-bytes="0"')
  .replace(/\s*\(about [^)]*\)/, '');
const bootStyle = must(html.match(/<style>([\s\S]*?)<\/style>/), 'the loading screen style')[1];
const bootScript = await readFile(join(dist, 'boot.js'), 'utf8');

const assets = {};
// The app reads the corpus from its one-file bundle (written by the post-build hook); without
// a bundle it asks for the files one by one.
const hasBundle = await readFile(join(dist, 'corpus/bundle.json')).then(() => true, () => false);
const corpusIndex = JSON.parse(await readFile(join(dist, 'corpus/index.json'), 'utf8'));
const paths = [
  'model/manifest.json',
  'model/vocab.txt',
  'model/model.bin',
  ...(hasBundle
    ? ['corpus/bundle.json']
    : ['corpus/index.json', ...corpusIndex.files.map((f) => `corpus/${f}`)]),
];
for (const path of paths) assets[path] = (await readFile(join(dist, path))).toString('base64');

const wasm = (await readFile(join(dist, wasmName))).toString('base64');
const glue = (await readFile(join(dist, jsName), 'utf8'))
  // Nothing imports this inline module, and the wasm comes from the bytes below.
  .replace(/^export (class|function) /gm, '$1 ')
  .replace(/^export \{[^}]*\};?\s*$/m, '');
if (/<\/script/i.test(glue)) {
  console.error('single-file: the glue contains </script and cannot be inlined');
  process.exit(1);
}

const decode = `function __ragtuneDecode(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}`;
const dataScript = `${decode}
const __ragtuneData = ${JSON.stringify(assets)};
window.__ragtuneAsset = (path) =>
  Object.prototype.hasOwnProperty.call(__ragtuneData, path) ? __ragtuneDecode(__ragtuneData[path]) : undefined;
window.__ragtuneWasm = ${JSON.stringify(wasm)};`;
const moduleScript = `${glue}
const __ragtuneExports = await __wbg_init({ module_or_path: __ragtuneDecode(window.__ragtuneWasm) });
delete window.__ragtuneWasm;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: __ragtuneExports } }));`;
const style = styles.join('\n');

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(bootScript)} ${sha(dataScript)} ${sha(moduleScript)} 'wasm-unsafe-eval'`,
  // Views set style attributes (bar widths, point positions); a hash would disable
  // 'unsafe-inline', so styles are allowed inline here, as in index.html. Scripts stay hashed.
  "style-src 'unsafe-inline'",
  "img-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
${description}
<title>RAG or fine-tune?</title>
<link rel="icon" href="data:,">
<style>${bootStyle}</style>
</head>
<body>
${bootMarkup}
<noscript>This explainer runs in your browser and needs JavaScript and WebAssembly.</noscript>
<script>${bootScript}</script>
<style>${style}</style>
<script>${dataScript}</script>
<script type="module">${moduleScript}</script>
</body>
</html>
`;
await mkdir(dirname(out), { recursive: true });
await writeFile(out, page);
console.log(`single-file: wrote ${out} (${(Buffer.byteLength(page) / 1e6).toFixed(2)} MB, ${paths.length} assets)`);
