/**
 * Searches a browser profile folder as an attacker with the disk would: every file read as raw
 * bytes, for each marker in UTF-8 and in UTF-16LE (V8 and localStorage keep two-byte strings so),
 * not through any browser API. Used by the Chromium lock-disk spec and the Firefox lock test.
 *
 * LevelDB's table files (.ldb/.sst) store their blocks snappy-compressed, where a marker that
 * repeats an earlier one's prefix turns into a back-reference and no longer appears as bytes: so
 * each table's blocks are also decompressed and searched. (Log files are not compressed.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Raw snappy decompression (the block format LevelDB uses); undefined when `input` is not snappy. */
export function snappyDecompress(input: Uint8Array): Uint8Array | undefined {
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= input.length || shift > 28) return undefined;
    const byte = input[pos++]!;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  if (length > 64 * 1024 * 1024) return undefined;
  const out = new Uint8Array(length);
  let o = 0;
  while (pos < input.length) {
    const tag = input[pos++]!;
    const type = tag & 3;
    if (type === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const bytes = len - 59;
        len = 0;
        for (let i = 0; i < bytes; i++) len |= input[pos++]! << (8 * i);
      }
      len += 1;
      if (pos + len > input.length || o + len > length) return undefined;
      out.set(input.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (type === 1) {
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[pos++]!;
    } else if (type === 2) {
      len = (tag >>> 2) + 1;
      offset = input[pos]! | (input[pos + 1]! << 8);
      pos += 2;
    } else {
      len = (tag >>> 2) + 1;
      offset = input[pos]! | (input[pos + 1]! << 8) | (input[pos + 2]! << 16) | (input[pos + 3]! << 24);
      pos += 4;
    }
    if (offset === 0 || offset > o || o + len > length) return undefined;
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]!;
  }
  return o === length ? out : undefined;
}

function varint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  for (let shift = 0; shift < 64; shift += 7) {
    const byte = bytes[at.pos++];
    if (byte === undefined) throw new Error('varint past the end');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
  throw new Error('varint too long');
}

/** A LevelDB block's contents: decompressed when its trailer says snappy. */
function tableBlock(file: Uint8Array, offset: number, size: number): Uint8Array | undefined {
  const contents = file.subarray(offset, offset + size);
  const type = file[offset + size];
  if (type === 0) return contents;
  if (type === 1) return snappyDecompress(contents);
  return undefined;
}

/** Every block of a LevelDB table file, decompressed; [] when the file is not a LevelDB table. */
export function leveldbTableBlocks(file: Uint8Array): Uint8Array[] {
  const MAGIC = 0xdb4775248b80fb57n;
  if (file.length < 48) return [];
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getBigUint64(file.length - 8, true) !== MAGIC) return [];
  try {
    const at = { pos: file.length - 48 };
    const metaOffset = varint(file, at);
    const metaSize = varint(file, at);
    const indexOffset = varint(file, at);
    const indexSize = varint(file, at);
    const blocks: Uint8Array[] = [];
    const meta = tableBlock(file, metaOffset, metaSize);
    if (meta) blocks.push(meta);
    const index = tableBlock(file, indexOffset, indexSize);
    if (!index) return blocks;
    blocks.push(index);
    // The index block's entries: shared/unshared key lengths, value length, key, value (a block handle).
    const restarts = new DataView(index.buffer, index.byteOffset, index.byteLength).getUint32(index.length - 4, true);
    const end = index.length - 4 - 4 * restarts;
    const entry = { pos: 0 };
    while (entry.pos < end) {
      varint(index, entry);
      const unshared = varint(index, entry);
      const valueLength = varint(index, entry);
      entry.pos += unshared;
      const handle = { pos: entry.pos };
      const blockOffset = varint(index, handle);
      const blockSize = varint(index, handle);
      entry.pos += valueLength;
      const block = tableBlock(file, blockOffset, blockSize);
      if (block) blocks.push(block);
    }
    return blocks;
  } catch {
    return [];
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Where markers were found: file (relative to the profile) → the markers in it. */
export type Hits = Record<string, string[]>;

/**
 * Every marker found in any file under `folder`, raw, in UTF-8 or UTF-16LE, in the file's bytes
 * or in a LevelDB table's decompressed blocks. Files that vanish while being read are skipped.
 */
export function scanFolder(folder: string, markers: readonly string[]): Hits {
  const needles = markers.map((marker) => ({ marker, forms: [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')] }));
  const hits: Hits = {};
  for (const path of filesUnder(folder)) {
    let bytes: Buffer;
    try {
      if (statSync(path).size > 512 * 1024 * 1024) continue;
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    const parts = [bytes, ...leveldbTableBlocks(bytes).map((block) => Buffer.from(block.buffer, block.byteOffset, block.byteLength))];
    const found = needles
      .filter(({ forms }) => parts.some((part) => forms.some((form) => part.includes(form))))
      .map(({ marker }) => marker);
    if (found.length > 0) hits[relative(folder, path)] = found;
  }
  return hits;
}
