import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { uncompress } from 'snappyjs';

/**
 * Reads a browser profile the way someone with the stolen disk would, and finds a text in it however Chromium
 * stored it: as is, Latin-1 (V8's one-byte strings), UTF-8 or UTF-16LE (V8's two-byte strings, IndexedDB keys are
 * UTF-16BE), inside Snappy-compressed LevelDB table blocks, inside the write batches of LevelDB logs (whose
 * records may be split over 32 KB blocks), and inside IndexedDB values Chromium compressed itself
 * (FF 11 02 + raw Snappy, idb_value_wrapping.cc).
 */
export type ProfileScan = {
  files: number;
  bytes: number;
  /** LevelDB table blocks that were Snappy-compressed and were read decompressed. */
  snappyBlocks: number;
  /** IndexedDB values Chromium had compressed, read decompressed. */
  snappyValues: number;
  /** LevelDB values read out of tables and logs. */
  values: number;
  /** Relative paths of the files that contain `needle`, in any of its encodings. */
  find: (needle: string) => string[];
};

export async function scanProfile(root: string): Promise<ProfileScan> {
  const views = new Map<string, Buffer[]>();
  const stats = { files: 0, bytes: 0, snappyBlocks: 0, snappyValues: 0, values: 0 };

  const addValue = (list: Buffer[], value: Buffer) => {
    stats.values++;
    list.push(value);
    unwrapCompressed(value, list, stats);
  };

  for (const file of await walk(root)) {
    const data = await readFile(file);
    const rel = path.relative(root, file);
    const list: Buffer[] = [data];
    stats.files++;
    stats.bytes += data.length;
    const name = path.basename(file);
    if (/\.(ldb|sst)$/.test(name)) {
      for (const value of tableValues(data, stats)) addValue(list, value);
    } else if (/\.log$/.test(name) || /^MANIFEST-/.test(name)) {
      for (const value of logValues(data)) addValue(list, value);
    } else {
      // IndexedDB blob files and anything else: may hold a wrapped value as a whole.
      unwrapCompressed(data, list, stats);
    }
    views.set(rel, list);
  }

  return {
    ...stats,
    find(needle: string): string[] {
      const patterns = encodings(needle);
      const hits: string[] = [];
      for (const [rel, list] of views) {
        if (list.some((buf) => patterns.some((p) => buf.includes(p)))) hits.push(rel);
      }
      return hits;
    },
  };
}

function encodings(text: string): Buffer[] {
  const utf16be = Buffer.from(text, 'utf16le');
  utf16be.swap16();
  const all = [Buffer.from(text, 'utf8'), Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le'), utf16be];
  return all.filter((b, i) => all.findIndex((o) => o.equals(b)) === i);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Every FF 11 02 in `buf` may start a Chromium-compressed IndexedDB value running to the end of `buf`. */
function unwrapCompressed(buf: Buffer, list: Buffer[], stats: { snappyValues: number }) {
  const marker = Buffer.from([0xff, 0x11, 0x02]);
  for (let at = buf.indexOf(marker); at >= 0; at = buf.indexOf(marker, at + 1)) {
    try {
      const inner = Buffer.from(uncompress(buf.subarray(at + 3), 256 * 1024 * 1024));
      stats.snappyValues++;
      list.push(inner);
    } catch {
      // not a compressed value after all (or it does not end with the buffer)
    }
  }
}

function varint(buf: Buffer, pos: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new RangeError('varint past the end');
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return [result, pos];
    shift += 7;
  }
}

/** A LevelDB table: footer -> index block -> data blocks (each maybe Snappy) -> entries -> values. */
function tableValues(data: Buffer, stats: { snappyBlocks: number }): Buffer[] {
  const FOOTER = 48;
  if (data.length < FOOTER) return [];
  const footer = data.subarray(data.length - FOOTER);
  if (footer.readUInt32LE(40) !== 0x8b80fb57 || footer.readUInt32LE(44) !== 0xdb477524) return [];
  let pos = 0;
  let metaOffset, metaSize, indexOffset, indexSize;
  [metaOffset, pos] = varint(footer, pos);
  [metaSize, pos] = varint(footer, pos);
  [indexOffset, pos] = varint(footer, pos);
  [indexSize, pos] = varint(footer, pos);
  void metaOffset;
  void metaSize;
  const readBlock = (offset: number, size: number): Buffer => {
    const raw = data.subarray(offset, offset + size);
    const type = data[offset + size];
    if (type === 1) {
      stats.snappyBlocks++;
      return Buffer.from(uncompress(raw, 256 * 1024 * 1024));
    }
    return raw;
  };
  const values: Buffer[] = [];
  for (const handle of blockEntries(readBlock(indexOffset, indexSize))) {
    const [offset, next] = varint(handle, 0);
    const [size] = varint(handle, next);
    const block = readBlock(offset, size);
    values.push(block, ...blockEntries(block));
  }
  return values;
}

/** The values of a table block's entries (keys are prefix-compressed; the values are whole). */
function blockEntries(block: Buffer): Buffer[] {
  if (block.length < 4) return [];
  const restarts = block.readUInt32LE(block.length - 4);
  const end = block.length - 4 - restarts * 4;
  const values: Buffer[] = [];
  let pos = 0;
  while (pos < end) {
    let nonShared, valueLength;
    [, pos] = varint(block, pos);
    [nonShared, pos] = varint(block, pos);
    [valueLength, pos] = varint(block, pos);
    pos += nonShared;
    values.push(block.subarray(pos, pos + valueLength));
    pos += valueLength;
  }
  return values;
}

/** A LevelDB log: 32 KB blocks of fragments -> records (write batches) -> put values (and the keys). */
function logValues(data: Buffer): Buffer[] {
  const BLOCK = 32 * 1024;
  const records: Buffer[] = [];
  let parts: Buffer[] = [];
  let pos = 0;
  while (pos + 7 <= data.length) {
    const left = BLOCK - (pos % BLOCK);
    if (left < 7) {
      pos += left;
      continue;
    }
    const length = data.readUInt16LE(pos + 4);
    const type = data[pos + 6];
    const fragment = data.subarray(pos + 7, pos + 7 + length);
    pos += 7 + length;
    if (type === 0 && length === 0) continue; // preallocated zeros
    if (type === 1) records.push(fragment);
    else if (type === 2) parts = [fragment];
    else if (type === 3) parts.push(fragment);
    else if (type === 4) {
      parts.push(fragment);
      records.push(Buffer.concat(parts));
      parts = [];
    }
  }
  const values: Buffer[] = [];
  for (const record of records) {
    values.push(record);
    try {
      let at = 12; // sequence (8) + count (4)
      while (at < record.length) {
        const tag = record[at++];
        let len;
        [len, at] = varint(record, at);
        values.push(record.subarray(at, at + len)); // the key
        at += len;
        if (tag === 1) {
          [len, at] = varint(record, at);
          values.push(record.subarray(at, at + len));
          at += len;
        } else if (tag !== 0) break;
      }
    } catch {
      // a MANIFEST's version edits, not a write batch: the whole record was kept above
    }
  }
  return values;
}
