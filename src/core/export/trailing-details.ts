// What Markdown and text still owe at the end of a stream: the details their header could not carry up front.
import type { RedactionReport } from '../model/session.js';
import { skipRows } from './summary-rows.js';
import type { ExportExtra, ExporterOptions } from './types.js';

export interface TrailingDetails {
  /** The meta rows, when the header did not have them (no meta before the first event). */
  meta: boolean;
  totals: boolean;
  redaction?: RedactionReport;
  /** What the reader skipped, as [reason, count] rows. */
  skips: Array<[string, string]>;
}

/** Undefined when the header already said everything (the usual case for renderSession). */
export function trailingDetails(opts: ExporterOptions, extra: ExportExtra): TrailingDetails | undefined {
  const meta = !opts.meta;
  const totals = !(opts.meta && opts.totals);
  const redaction = extra.redaction && !(opts.meta && opts.redaction) ? extra.redaction : undefined;
  const skips = skipRows(extra.stats);
  if (!meta && !totals && !redaction && skips.length === 0) return undefined;
  return redaction ? { meta, totals, redaction, skips } : { meta, totals, skips };
}
