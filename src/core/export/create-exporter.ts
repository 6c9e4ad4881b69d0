// Picks the renderer for a format and wraps it in the streaming driver.
import { createEgressGate } from '../egress/gate.js';
import { BatonError } from '../errors.js';
import { createCommentIndex } from './comments.js';
import type { RedactionReport } from '../model/session.js';
import { createHtmlRenderer } from './html.js';
import { createJsonRenderer } from './json.js';
import { createMarkdownRenderer } from './markdown.js';
import { createStreamDriver, type FormatRenderer } from './stream-driver.js';
import { createTextRenderer } from './text.js';
import type { ExportFormat, Exporter, ExporterOptions, TextFormat } from './types.js';

const RENDERERS: Record<
  TextFormat,
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
  const make = Object.hasOwn(RENDERERS, format) ? RENDERERS[format as TextFormat] : undefined;
  if (!make) throw new BatonError('invalid_input', `unknown export format "${String(format)}"`);
  return createGatedExporter((head) => make(write, head), opts);
}

/**
 * The egress gate around any renderer (the text formats above, and the PDF/Word document model): every event, the
 * meta and the title pass the same gate, and finish() reports what it redacted.
 */
export function createGatedExporter(
  make: (opts: ExporterOptions) => FormatRenderer,
  opts: ExporterOptions = {},
): Exporter {
  const v = opts.maxToolResultChars;
  if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
    throw new BatonError('invalid_input', 'maxToolResultChars must be a non-negative integer');
  }
  const gate = opts.gate ?? createEgressGate({ redact: true });
  const baseline = gate.report();
  const sid = opts.meta?.id;
  const head = opts.meta ? { ...opts, meta: gate.meta(opts.meta) } : opts;
  const driver = createStreamDriver(make(head));
  // Comment text leaves through this same gate (redacted and counted with the events): no second redactor.
  const commentsOf = opts.comments ? createCommentIndex(opts.comments, (t) => gate.text(t)) : undefined;
  return {
    event(e, ctx) {
      const g = gate.event(e, sid);
      if (g === null) return;
      driver.event(g, ctx);
      const thread = commentsOf?.(g.uuid);
      if (thread) driver.comments(thread);
    },
    beginTurn: (turn) => driver.beginTurn(turn),
    beginSidechain: (sidechain) => driver.beginSidechain(sidechain),
    // The one place an export's redaction count is made: what the caller says was redacted before (a stored
    // session's report) plus what this gate redacted while exporting. Callers must not pass this gate's own report
    // in `extra` (that counted every secret twice); exportTranscript returns this function's answer instead.
    finish(meta, totals, extra = {}) {
      const gatedMeta = gate.meta(meta);
      const own = subtract(gate.report(), baseline);
      const redaction = extra.redaction || own.total > 0 ? add(extra.redaction, own) : undefined;
      driver.finish(gatedMeta, totals, { ...extra, ...(redaction ? { redaction } : {}) });
      return redaction ?? { total: 0, byRule: {} };
    },
  };
}

function subtract(a: RedactionReport, b: RedactionReport): RedactionReport {
  const byRule: Record<string, number> = {};
  for (const [rule, n] of Object.entries(a.byRule))
    if (n > (b.byRule[rule] ?? 0)) byRule[rule] = n - (b.byRule[rule] ?? 0);
  return { total: a.total - b.total, byRule };
}

function add(a: RedactionReport | undefined, b: RedactionReport): RedactionReport {
  const byRule: Record<string, number> = { ...a?.byRule };
  for (const [rule, n] of Object.entries(b.byRule)) byRule[rule] = (byRule[rule] ?? 0) + n;
  return { total: (a?.total ?? 0) + b.total, byRule };
}
