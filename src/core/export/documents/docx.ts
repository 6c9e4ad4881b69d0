// The Word writer (docx, pure JavaScript): the document model as headings, styled runs, monospaced code paragraphs
// and a "page N of M" footer. Word wraps lines itself, so long code lines wrap instead of running off the page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TextRun,
} from 'docx';
import type { Block, DocumentModel, Run, Tone } from './model.js';

/** Monospaced text: Consolas where Word has it, else Courier New (every platform has one of them). */
export const MONO_FONT = 'Consolas';
const BODY_FONT = 'Calibri';
const HALF_POINTS = { body: 20, code: 17, small: 15 };
const TONES: Record<Tone, string> = {
  user: '1D4ED8',
  assistant: '047857',
  thinking: '6B7280',
  tool: '7C3AED',
  result: '374151',
  error: 'B91C1C',
  system: '92400E',
  meta: '111827',
};
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * Characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/FFFF): a transcript may hold them, and a
 * single one makes Word refuse the whole file. They become U+FFFD; tabs and newlines are handled by the layout.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '\uFFFD');

export async function writeDocx(model: DocumentModel): Promise<Uint8Array> {
  const doc = new Document({
    title: xmlSafe(model.title),
    creator: 'Baton',
    styles: { default: { document: { run: { font: BODY_FONT, size: HALF_POINTS.body } } } },
    sections: [
      {
        footers: { default: footer(xmlSafe(model.subtitle)) },
        children: model.blocks.flatMap(paragraphs),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function footer(subtitle: string): Footer {
  const small = { size: HALF_POINTS.small, color: '6B7280' };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...small, text: `${subtitle} · page ` }),
          new TextRun({ ...small, children: [PageNumber.CURRENT] }),
          new TextRun({ ...small, text: ' of ' }),
          new TextRun({ ...small, children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

function runs(rs: Run[], size?: number): TextRun[] {
  return rs
    .filter((r) => r.text !== '')
    .map(
      (r) =>
        new TextRun({
          text: xmlSafe(r.text.replace(/\s*\n\s*/g, ' ')),
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italics: true } : {}),
          ...(r.code ? { font: MONO_FONT, color: '9F1239' } : {}),
          ...(size ? { size } : {}),
        }),
    );
}

function paragraphs(b: Block): Paragraph[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(b.text))] })];
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(xmlSafe(b.text))] })];
    case 'label':
      return [
        new Paragraph({
          spacing: { before: 160, after: 40 },
          keepNext: true,
          children: [new TextRun({ text: xmlSafe(b.text), bold: true, color: TONES[b.tone] })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 100 }, children: runs(b.runs) })];
    case 'item':
      return [
        new Paragraph({
          indent: { left: 360 + b.depth * 360, hanging: 240 },
          children: runs([{ text: `${b.marker}\t` }, ...b.runs]),
        }),
      ];
    case 'code':
      return codeParagraphs(b.text);
    case 'fields':
      return b.rows.map(
        ([k, v]) =>
          new Paragraph({
            spacing: { after: 20 },
            children: runs([{ text: `${k}: `, bold: true }, { text: v }], HALF_POINTS.body - 2),
          }),
      );
    case 'rule':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9CA3AF', space: 4 } },
          children: [],
        }),
      ];
  }
}

/** One paragraph per line, so line breaks and indentation survive; Word wraps what is wider than the page. */
function codeParagraphs(text: string): Paragraph[] {
  const lines = xmlSafe(text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ')).split('\n');
  return lines.map(
    (line, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? 60 : 0, after: i === lines.length - 1 ? 120 : 0, line: 240 },
        shading: { type: ShadingType.CLEAR, fill: 'F3F4F6', color: 'auto' },
        children: [new TextRun({ text: line, font: MONO_FONT, size: HALF_POINTS.code })],
      }),
  );
}
