// WOFF 1.0 → plain TrueType/OpenType (sfnt) bytes, with the native zlib. fontkit can read WOFF itself, but it
// inflates a table (in JavaScript) on every access, glyf included: that cost ~5 s of CPU per small PDF. Converted
// once here, the same font is parsed from plain bytes (see docs/benchmarks.md, "PDF and Word exports").
import { inflateSync } from 'node:zlib';

const WOFF = 0x774f4646; // 'wOFF'
const HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_ENTRY = 16;

interface Table {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

/**
 * The sfnt inside a WOFF file, without the tables named in `drop`; any other bytes (a TTF already) are returned as
 * they are.
 */
export function woffToSfnt(bytes: Uint8Array, drop: ReadonlySet<string> = new Set()): Uint8Array {
  const src = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER || src.getUint32(0) !== WOFF) return bytes;
  const flavor = src.getUint32(4);
  const count = src.getUint16(12);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER + i * WOFF_ENTRY;
    if (drop.has(String.fromCharCode(...bytes.subarray(at, at + 4)))) continue;
    const offset = src.getUint32(at + 4);
    const compressed = src.getUint32(at + 8);
    const length = src.getUint32(at + 12);
    const raw = bytes.subarray(offset, offset + compressed);
    const data = compressed < length ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.byteLength !== length) throw new Error('WOFF table has the wrong length');
    tables.push({ tag: src.getUint32(at), checksum: src.getUint32(at + 16), data });
  }
  return sfnt(flavor, tables);
}

/** An sfnt file: offset table, table records sorted by tag (as in WOFF), then each table padded to 4 bytes. */
function sfnt(flavor: number, tables: Table[]): Uint8Array {
  const head = 12 + tables.length * SFNT_ENTRY;
  const size = tables.reduce((n, t) => n + pad4(t.data.byteLength), head);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(tables.length));
  const range = 2 ** log2 * 16;
  view.setUint32(0, flavor);
  view.setUint16(4, tables.length);
  view.setUint16(6, range);
  view.setUint16(8, log2);
  view.setUint16(10, tables.length * 16 - range);
  let offset = head;
  tables.forEach((t, i) => {
    const at = 12 + i * SFNT_ENTRY;
    view.setUint32(at, t.tag);
    view.setUint32(at + 4, t.checksum);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, t.data.byteLength);
    out.set(t.data, offset);
    offset += pad4(t.data.byteLength);
  });
  return out;
}

const pad4 = (n: number): number => (n + 3) & ~3;
