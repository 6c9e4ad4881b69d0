// Streams a transcript through redaction into an exporter: bounded memory whatever the transcript's size.
import { createExporter, type ExportFormat } from '../export/index.js';
import { createRedactor, stripPrivateText, stripPrivateValue } from '../redact/index.js';
import { streamSession } from '../transcript/index.js';
import type { ReadStats, SessionMeta, SessionTotals } from '../model/session.js';

export interface ExportResult {
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  redaction: { total: number; byRule: Record<string, number> };
}

export async function exportTranscript(
  transcriptPath: string,
  format: ExportFormat,
  write: (chunk: string) => void,
  opts: { redact: boolean },
): Promise<ExportResult> {
  const redactor = createRedactor({ enabled: opts.redact });
  const exporter = createExporter(format, write);
  const { meta, totals, stats } = await streamSession(
    transcriptPath,
    // <private> spans never reach a file, whether or not redaction is on.
    (event, ctx) => exporter.event(redactor.redactEvent(stripPrivateValue(event)), ctx),
    { subagents: true },
  );
  // The title is usually the first prompt's first line, so it can hold a secret too.
  const safeMeta =
    meta.title === undefined ? meta : { ...meta, title: redactor.redactText(stripPrivateText(meta.title)) };
  const redaction = redactor.report();
  exporter.finish(safeMeta, totals, { redaction });
  return { meta: safeMeta, totals, stats, redaction };
}
