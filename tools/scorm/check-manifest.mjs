// Checks a SCORM 1.2 package against the manifest rules in manifest.mjs (and the README):
// the manifest at the root, unique identifiers, the launch file present, every listed file in the
// zip and every zip file listed. Usage: node tools/scorm/check-manifest.mjs <package.zip>
import { readFileSync } from 'node:fs';
import { readZip } from './zip.mjs';
import { MANIFEST, checkPackage } from './manifest.mjs';

const zipPath = process.argv[2];
if (!zipPath) {
  console.error('usage: node tools/scorm/check-manifest.mjs <package.zip>');
  process.exit(2);
}
const files = readZip(readFileSync(zipPath));
const manifest = () => files.find((f) => f.name === MANIFEST).data.toString('utf8');
const problems = checkPackage(files.map((f) => f.name), manifest);
if (problems.length) {
  console.error(`${zipPath} fails the SCORM 1.2 manifest rules:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${zipPath}: ${files.length} files, manifest rules pass`);
