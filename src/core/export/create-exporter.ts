// Picks the renderer for a format and wraps it in the streaming driver.
import { BatonError } from '../errors.js';
import { createHtmlRenderer } from './html.js';
import { createJsonRenderer } from './json.js';
import { createMarkdownRenderer } from './markdown.js';
import { createStreamDriver, type FormatRenderer } from './stream-driver.js';
import { createTextRenderer } from './text.js';
import type { ExportFormat, Exporter, ExporterOptions } from './types.js';

const RENDERERS: Record<
  ExportFormat,
  (write: (chunk: string) => void, opts: ExporterOptions) => FormatRenderer
> = {
  md: createMarkdownRenderer,
  json: createJsonRenderer,
  html: createHtmlRenderer,
  txt: createTextRenderer,
};

/**
 * A streaming exporter: feed events one at a time, then finish(meta, totals). Output goes to `write` as it is
 * produced; nothing is written before the first call.
 */
export function createExporter(
  format: ExportFormat,
  write: (chunk: string) => void,
  opts: ExporterOptions = {},
): Exporter {
  const make = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : undefined;
  if (!make) throw new BatonError('invalid_input', `unknown export format "${String(format)}"`);
  const v = opts.maxToolResultChars;
  if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
    throw new BatonError('invalid_input', 'maxToolResultChars must be a non-negative integer');
  }
  return createStreamDriver(make(write, opts));
}
