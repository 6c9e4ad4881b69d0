// The PDF export's fonts, read from node_modules when running from source. The dist bundle (dist/export-docs.js)
// embeds the same three files instead: scripts/build.mjs swaps this module for one that imports them as binary, so
// the installed plugin needs no node_modules. Keep the two lists in step.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** DejaVu (Bitstream Vera licence, OFL as packaged by Fontsource): Latin, Greek, Cyrillic, box drawing, symbols. */
export const FONT_FILES = {
  sans: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
  mono: '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff',
} as const;

export type FontName = keyof typeof FONT_FILES;

export function readFontFile(name: FontName): Uint8Array {
  return readFileSync(createRequire(import.meta.url).resolve(FONT_FILES[name]));
}
