// The PDF's fonts as plain TrueType: every table of each WOFF comes out byte-exact (its recorded checksum holds),
// so pdfkit parses the same font without fontkit's per-access WOFF inflate.
import { expect, it } from 'vitest';
import { FONT_FILES, readFontFile, type FontName } from '../../src/core/export/documents/font-files.js';
import { woffToSfnt } from '../../src/core/export/documents/woff.js';

function checksum(b: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 4) {
    let word = 0;
    for (let k = 0; k < 4; k++) word = word * 256 + (i + k < length ? b[offset + i + k]! : 0);
    sum = (sum + word) >>> 0;
  }
  return sum;
}

it.each(Object.keys(FONT_FILES) as FontName[])(
  '%s: a TrueType file whose tables match their checksums',
  (name) => {
    const woff = readFontFile(name);
    const ttf = woffToSfnt(woff);
    const v = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
    expect(v.getUint32(0)).toBe(new DataView(woff.buffer, woff.byteOffset).getUint32(4)); // the WOFF's flavor
    const count = v.getUint16(4);
    expect(count).toBe(new DataView(woff.buffer, woff.byteOffset).getUint16(12));
    let checked = 0;
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
      const [sum, offset, length] = [v.getUint32(at + 4), v.getUint32(at + 8), v.getUint32(at + 12)];
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(ttf.byteLength);
      // head's checksum is taken with its checkSumAdjustment field zeroed, so it cannot be recomputed as is.
      if (tag === 'head') continue;
      expect(checksum(ttf, offset, length), tag).toBe(sum);
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
  },
);

it('leaves bytes that are not WOFF as they are', () => {
  const ttf = woffToSfnt(readFontFile('mono'));
  expect(woffToSfnt(ttf)).toBe(ttf);
});
