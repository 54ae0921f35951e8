// Fails when the gzip size of the built app, model, corpus or the whole site exceeds budget.json.
// Usage: node scripts/size-budget.mjs [dist-dir]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
const sizes = { app_wasm: 0, app_js: 0, model: 0, corpus: 0, total: 0 };
for (const path of files(dist)) {
  const rel = relative(dist, path);
  const size = gz(path);
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
if (failed) {
  console.error('size budget exceeded: shrink the build or, with a reason, raise budget.json');
  process.exit(1);
}
