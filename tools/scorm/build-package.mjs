// Builds the SCORM 1.2 package from a release build: every file of the build, the launch page
// and its adapter at the root, a service worker that registers nothing, and imsmanifest.xml
// listing every file. Usage: node tools/scorm/build-package.mjs <trunk-release-dir> <out.zip>
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { writeZip, readZip } from './zip.mjs';
import { MANIFEST, manifestXml, checkPackage } from './manifest.mjs';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node tools/scorm/build-package.mjs <trunk-release-dir> <out.zip>');
  process.exit(2);
}
const here = import.meta.dirname;
const LAUNCH = 'scorm-launch.html';
const ADAPTER = 'scorm-adapter.js';

// Inside an LMS the offline worker is left out on purpose: the LMS must see the learner online
// to record progress, and a worker caching under the LMS's origin would outlive the package (a
// trainer's re-upload would be served stale). The app registers ./sw.js on every http(s) page,
// so the package carries one that takes no requests and removes itself.
const NO_WORKER = `// The LMS package has no offline copy: this worker takes no requests and unregisters itself.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.registration.unregister()));
`;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const entries = new Map();
for (const path of files(dist)) {
  entries.set(relative(dist, path).split(sep).join('/'), readFileSync(path));
}
if (!entries.has('index.html')) throw new Error(`${dist} has no index.html: not a release build`);
entries.set('sw.js', Buffer.from(NO_WORKER));
entries.set(LAUNCH, readFileSync(join(here, LAUNCH)));
entries.set(ADAPTER, readFileSync(join(here, ADAPTER)));

const names = [...entries.keys()].sort();
const version = createHash('sha256');
for (const name of names) version.update(name).update(entries.get(name));
const xml = manifestXml({
  title: 'RAG or fine-tune? An interactive explainer',
  launch: LAUNCH,
  files: names,
  version: version.digest('hex').slice(0, 12),
});
const zip = writeZip([
  { name: MANIFEST, data: Buffer.from(xml) },
  ...names.map((name) => ({ name, data: entries.get(name) })),
]);

// The package is read back and checked before it is written.
const back = readZip(zip);
const problems = checkPackage(back.map((f) => f.name), () => back[0].data.toString('utf8'));
if (problems.length) {
  console.error(`the package fails the manifest rules:\n${problems.join('\n')}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`${out}: ${back.length} files, ${(zip.length / 1024).toFixed(0)} KiB`);
