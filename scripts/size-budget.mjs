// Fails when the gzip size of the built app, model, corpus or the whole site exceeds budget.json.
// Usage: node scripts/size-budget.mjs [dist-dir]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const budget = JSON.parse(readFileSync('budget.json', 'utf8'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
// A visitor downloads what the service worker precaches (the page loads a subset of it). The
// corpus files that corpus/bundle.json carries stay in the build only as the loader's
// fallback and are not precached, so they are reported but not counted.
const swPath = join(dist, 'sw.js');
const swAssets = existsSync(swPath) ? /const ASSETS = (\[.*\]);/.exec(readFileSync(swPath, 'utf8')) : null;
const downloaded = swAssets ? new Set([...JSON.parse(swAssets[1]), 'sw.js']) : null;
const sizes = { app_wasm: 0, app_js: 0, model: 0, corpus: 0, total: 0 };
let fallback = 0;
for (const path of files(dist)) {
  const rel = relative(dist, path).split(sep).join('/');
  const size = gz(path);
  if (downloaded && !downloaded.has(rel)) {
    fallback += size;
    continue;
  }
  sizes.total += size;
  if (rel.endsWith('.wasm')) sizes.app_wasm += size;
  else if (rel.endsWith('.js') && !rel.includes('/')) sizes.app_js += size;
  else if (rel.startsWith('model/')) sizes.model += size;
  else if (rel.startsWith('corpus/')) sizes.corpus += size;
}

let failed = false;
for (const [key, size] of Object.entries(sizes)) {
  const limit = budget[key];
  const ok = size <= limit;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${key.padEnd(9)} ${(size / 1024).toFixed(1).padStart(8)} KiB gzip  (budget ${(limit / 1024).toFixed(1)} KiB)`);
}
if (fallback > 0) {
  console.log(`     not precached (fallback copies) ${(fallback / 1024).toFixed(1)} KiB gzip, not counted`);
}
if (failed) {
  console.error('size budget exceeded: shrink the build or, with a reason, raise budget.json');
  process.exit(1);
}
