// Packs an int6 model table (one signed byte per code, storage code 1) into four 6-bit codes
// per three bytes (storage code 3, quantisation "int6-packed-row-f16-scale"), and rewrites the
// manifest's quantisation, size and sha256. The codes are unchanged, so every vector is the
// same (tests/embed.rs checks them against the distiller's); the file is a quarter smaller
// for static servers that send it uncompressed. Layout: src/core/embed/format.rs (`unpack6`).
// Usage: node tools/distill/pack_int6.mjs [model-dir]   (default public/model)
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../public/model'));
const manifestPath = join(dir, 'manifest.json');
const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
if (manifest.quantisation === 'int6-packed-row-f16-scale') {
  console.log('pack_int6: already packed');
  process.exit(0);
}
if (manifest.quantisation !== 'int6-row-f16-scale') {
  console.error(`pack_int6: expected an int6 table, found ${manifest.quantisation}`);
  process.exit(1);
}
const tablePath = join(dir, manifest.files.table.path);
const table = await readFile(tablePath);
const HEADER = 24;
const vocab = table.readUInt32LE(8);
const dims = table.readUInt32LE(12);
if (table.toString('latin1', 0, 8) !== 'RTSEMB01' || table.readUInt32LE(16) !== 1 || dims % 4 !== 0) {
  console.error('pack_int6: not a one-byte-per-code RTSEMB01 table with dims a multiple of 4');
  process.exit(1);
}
const rowsAt = HEADER + 4 * vocab;
const codes = table.subarray(rowsAt);
if (codes.length !== vocab * dims) throw new Error('pack_int6: table size does not match its header');
const packed = Buffer.alloc(rowsAt + (codes.length / 4) * 3);
table.copy(packed, 0, 0, rowsAt);
packed.writeUInt32LE(3, 16);
for (let i = 0, o = rowsAt; i < codes.length; i += 4, o += 3) {
  let word = 0;
  for (let j = 0; j < 4; j++) {
    const code = (codes[i + j] << 24) >> 24;
    if (code < -31 || code > 31) throw new Error(`pack_int6: code ${code} is outside int6`);
    word |= (code & 0x3f) << (6 * j);
  }
  packed[o] = word & 0xff;
  packed[o + 1] = (word >>> 8) & 0xff;
  packed[o + 2] = (word >>> 16) & 0xff;
}
await writeFile(tablePath, packed);
manifest.quantisation = 'int6-packed-row-f16-scale';
manifest.files.table.bytes = packed.length;
manifest.files.table.sha256 = createHash('sha256').update(packed).digest('hex');
await writeFile(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`pack_int6: ${table.length} -> ${packed.length} bytes`);
