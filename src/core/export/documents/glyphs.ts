// Text a PDF font can draw: characters the embedded font has no glyph for (CJK, emoji…) become a visible U+FFFD
// instead of an invisible .notdef box that text extraction would misread; control characters other than newlines
// are dropped and tabs become four spaces.

export const REPLACEMENT = '\uFFFD';

/** What the writer needs to know about a font. */
export interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** A per-font filter with a cache, so each distinct character is looked up once. */
export function glyphFilter(font: GlyphSource): (text: string) => string {
  const known = new Map<number, boolean>();
  const has = (cp: number): boolean => {
    let v = known.get(cp);
    if (v === undefined) {
      v = font.hasGlyphForCodePoint(cp);
      known.set(cp, v);
    }
    return v;
  };
  return (text) => {
    // Fast path: printable ASCII is always in the fonts we embed.
    if (/^[\x20-\x7e]*$/.test(text)) return text;
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp === 10) out += ch;
      else if (cp === 9) out += '    ';
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
      else if (cp >= 0xfe00 && cp <= 0xfe0f)
        continue; // variation selectors: they only style the previous char
      else if (cp === 0x200d)
        continue; // zero-width joiner of emoji sequences
      else out += has(cp) ? ch : REPLACEMENT;
    }
    return out;
  };
}
