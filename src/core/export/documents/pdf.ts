// The PDF writer (pdfkit, pure JavaScript): lays out the document model on A4 or Letter pages with embedded
// DejaVu fonts, monospaced code that wraps at the margin, and "page N of M" footers.
import PDFDocument from 'pdfkit';
import { readFontFile, type FontName } from './font-files.js';
import { glyphFilter, type GlyphSource } from './glyphs.js';
import type { Block, DocumentModel, Run, Tone } from './model.js';
import { woffToSfnt } from './woff.js';

export type PageSize = 'A4' | 'LETTER';

const MARGIN = 56;
const BODY = 10;
const CODE = 8.5;
const CODE_LINE = 11;
const TONES: Record<Tone, string> = {
  user: '#1d4ed8',
  assistant: '#047857',
  thinking: '#6b7280',
  tool: '#7c3aed',
  result: '#374151',
  error: '#b91c1c',
  system: '#92400e',
  meta: '#111827',
};

type Doc = PDFKit.PDFDocument;
type FontKey = 'sans' | 'bold' | 'mono';

export async function writePdf(model: DocumentModel, size: PageSize = 'A4'): Promise<Uint8Array> {
  const doc: Doc = new PDFDocument({
    size,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // Our own font from the start: pdfkit's default (Helvetica) would need its AFM files, which a bundle lacks.
    font: fontBytes('sans') as unknown as string, // pdfkit takes font bytes too; its types say string
    info: { Title: model.title, Creator: 'Baton', Producer: 'Baton' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const filters = {} as Record<FontKey, (s: string) => string>;
  for (const key of ['sans', 'bold', 'mono'] as const) {
    doc.registerFont(key, fontBytes(key));
    doc.font(key);
    filters[key] = glyphFilter(fontkitFont(doc));
  }
  const w = new Writer(doc, filters);
  for (const b of model.blocks) w.block(b);
  footers(doc, filters.sans(model.subtitle));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const fonts = new Map<FontName, Buffer>();
/**
 * OpenType layout tables left out: fontkit parses GPOS/GSUB (DejaVu's are large) before laying out the first line,
 * which was a third of a small PDF's CPU. What they add is kerning and ligatures; a transcript reads the same
 * without them, and without ligatures the PDF's text extracts as typed ("fi", not "ﬁ").
 */
const LAYOUT_TABLES = new Set(['GPOS', 'GSUB', 'GDEF', 'MATH', 'FFTM']);

/** A font as plain sfnt bytes, converted from its WOFF once per process (fontkit is slow on WOFF: see woff.ts). */
function fontBytes(name: FontName): Buffer {
  let b = fonts.get(name);
  if (!b) {
    const sfnt = woffToSfnt(readFontFile(name), LAYOUT_TABLES);
    b = Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
    fonts.set(name, b);
  }
  return b;
}

/** The fontkit font behind pdfkit's current font: the only way pdfkit exposes which characters it has. */
function fontkitFont(doc: Doc): GlyphSource {
  const f = (doc as unknown as { _font?: { font?: Partial<GlyphSource> } })._font?.font;
  if (typeof f?.hasGlyphForCodePoint !== 'function') throw new Error('pdfkit font without a character map');
  return f as GlyphSource;
}

class Writer {
  private readonly width: number;
  constructor(
    private readonly doc: Doc,
    private readonly filters: Record<FontKey, (s: string) => string>,
  ) {
    this.width = doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page unless `h` points still fit on this one. */
  private room(h: number): void {
    if (this.doc.y + h > this.bottom) this.doc.addPage();
  }

  block(b: Block): void {
    const d = this.doc;
    switch (b.kind) {
      case 'title':
        d.font('bold').fontSize(18).fillColor('#111827');
        d.text(this.filters.bold(b.text), MARGIN, d.y, { width: this.width });
        d.moveDown(0.5);
        return;
      case 'heading': {
        const size = b.level === 1 ? 14 : b.level === 2 ? 12.5 : 11;
        this.room(size * 4);
        d.moveDown(b.level === 1 ? 0.9 : 0.5);
        d.font('bold').fontSize(size).fillColor('#111827');
        d.text(this.filters.bold(b.text), MARGIN, d.y, { width: this.width });
        if (b.level === 1) {
          d.moveTo(MARGIN, d.y + 2)
            .lineTo(MARGIN + this.width, d.y + 2)
            .lineWidth(0.5)
            .stroke('#d1d5db');
          d.moveDown(0.4);
        }
        return;
      }
      case 'label':
        this.room(BODY * 4);
        d.moveDown(0.5);
        d.font('bold').fontSize(BODY).fillColor(TONES[b.tone]);
        d.text(this.filters.bold(b.text), MARGIN, d.y, { width: this.width });
        d.moveDown(0.2);
        return;
      case 'paragraph':
        this.runs(b.runs, 0);
        d.moveDown(0.4);
        return;
      case 'item':
        this.runs([{ text: `${b.marker} ` }, ...b.runs], 12 + b.depth * 14);
        d.moveDown(0.15);
        return;
      case 'code':
        this.code(b.text);
        return;
      case 'fields':
        for (const [k, v] of b.rows) this.runs([{ text: `${k}: `, bold: true }, { text: v }], 0, 9);
        d.moveDown(0.3);
        return;
      case 'rule':
        d.moveDown(0.5);
        d.moveTo(MARGIN, d.y)
          .lineTo(MARGIN + this.width, d.y)
          .lineWidth(1)
          .stroke('#9ca3af');
        d.moveDown(0.5);
        return;
    }
  }

  /** One wrapped paragraph of styled runs, `indent` points from the left margin. */
  private runs(runs: Run[], indent: number, size = BODY): void {
    const d = this.doc;
    const parts = runs
      .map((r) => {
        const font: FontKey = r.code ? 'mono' : r.bold ? 'bold' : 'sans';
        return { font, text: this.filters[font](r.text), italic: Boolean(r.italic), code: Boolean(r.code) };
      })
      .filter((p) => p.text !== '');
    if (parts.length === 0) return;
    this.room(size * 1.4);
    parts.forEach((p, i) => {
      d.font(p.font)
        .fontSize(p.code ? size * 0.92 : size)
        .fillColor(p.code ? '#9f1239' : '#111827');
      const opts = { continued: i < parts.length - 1, ...(p.italic ? { oblique: 10 } : {}) };
      if (i === 0) d.text(p.text, MARGIN + indent, d.y, { ...opts, width: this.width - indent });
      else d.text(p.text, opts);
    });
  }

  /** Monospaced lines on a tinted band, each wrapped at the margin by character count (every glyph is as wide). */
  private code(text: string): void {
    const d = this.doc;
    d.font('mono').fontSize(CODE);
    const cols = Math.max(20, Math.floor((this.width - 8) / d.widthOfString('M')));
    let y = d.y + 2;
    const lines = this.filters.mono(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')).split('\n');
    for (const line of lines) {
      const chars = Array.from(line);
      for (let at = 0; at === 0 || at < chars.length; at += cols) {
        if (y + CODE_LINE > this.bottom) {
          d.addPage();
          y = d.y;
        }
        d.rect(MARGIN, y, this.width, CODE_LINE).fill('#f3f4f6');
        d.fillColor('#111827').text(chars.slice(at, at + cols).join(''), MARGIN + 4, y + 1.5, {
          lineBreak: false,
        });
        y += CODE_LINE;
      }
    }
    d.x = MARGIN;
    d.y = y + 6;
  }
}

/** "title · page N of M" at the foot of every page, written once the page count is known. */
function footers(doc: Doc, subtitle: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.font('sans').fontSize(7.5).fillColor('#6b7280');
    doc.text(`${subtitle} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN / 2, {
      width: doc.page.width - MARGIN * 2,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
