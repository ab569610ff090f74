// Reads the store packages back for scripts/check-zips.mjs, with Node's own zlib: a ZIP is a
// central directory of entries, each stored or deflated, each with a CRC-32 of its content.
import { readFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * Every file in the ZIP archive at `path`, by its name inside. Throws on anything malformed: no
 * directory, a broken entry, an unknown compression, a size or checksum that does not match.
 * @param {string} path
 * @returns {Promise<Map<string, Buffer>>}
 */
export async function readZip(path) {
  const zip = await readFile(path);
  // The end record is the last 22 bytes, unless an archive comment follows it.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_DIRECTORY) throw new Error(`${path}: not a ZIP archive`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error(`${path}: entry ${index} is broken`);
    const method = zip.readUInt16LE(at + 10);
    const checksum = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;

    if (zip.readUInt32LE(local) !== LOCAL_ENTRY) throw new Error(`${path}: ${name} has no local header`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(start, start + compressedSize);
    if (method !== STORED && method !== DEFLATED) throw new Error(`${path}: ${name} uses compression ${method}`);
    const content = method === DEFLATED ? inflateRawSync(stored) : stored;
    if (content.length !== size || crc32(content) !== checksum) throw new Error(`${path}: ${name} is corrupt`);
    files.set(name, content);
  }
  return files;
}
