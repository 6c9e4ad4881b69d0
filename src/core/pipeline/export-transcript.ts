// Streams a transcript through the egress gate into an exporter: bounded memory whatever the transcript's size.
import type { EgressGate } from '../egress/gate.js';
import { createExporter, type ExportFormat, type ExporterOptions } from '../export/index.js';
import type { ReadStats, RedactionReport, SessionMeta, SessionTotals } from '../model/session.js';

export interface ExportResult {
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  redaction: RedactionReport;
}

/** `gate` decides what may be written: paused records are never read, every event and the title are gated. */
export async function exportTranscript(
  transcriptPath: string,
  format: ExportFormat,
  write: (chunk: string) => void,
  gate: EgressGate,
  opts: Pick<ExporterOptions, 'comments'> = {},
): Promise<ExportResult> {
  const exporter = createExporter(format, write, { ...opts, gate });
  const { meta, totals, stats } = await gate.streamSession(
    transcriptPath,
    (event, ctx) => exporter.event(event, ctx),
    {
      subagents: true,
    },
  );
  // The exporter counts what the gate redacted; passing gate.report() in too counted every secret twice.
  const redaction = exporter.finish(meta, totals, { stats });
  return { meta, totals, stats, redaction };
}
