// Entry of dist/export-docs.js: the PDF and Word writers with their libraries and fonts, loaded only for those
// formats (load.ts), so every other command starts without parsing ~4 MB of layout code.
import { writeDocx } from './docx.js';
import type { DocumentModel } from './model.js';
import { writePdf, type PageSize } from './pdf.js';
import type { DocumentFormat } from '../types.js';

export interface WriteOptions {
  /** PDF page size (default A4). */
  pageSize?: PageSize;
}

export async function writeDocument(
  model: DocumentModel,
  format: DocumentFormat,
  opts: WriteOptions = {},
): Promise<Uint8Array> {
  return format === 'pdf' ? writePdf(model, opts.pageSize) : writeDocx(model);
}
