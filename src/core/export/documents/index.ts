// PDF and Word exports: the session → document model (build.ts, behind the shared egress gate) → bytes, with the
// writers loaded from their own bundle only when asked for (load.ts).
import type { EgressGate } from '../../egress/gate.js';
import type { ReadStats, RedactionReport, Session, SessionMeta, SessionTotals } from '../../model/session.js';
import { feedSession } from '../render-session.js';
import type { DocumentFormat } from '../types.js';
import { createDocumentExporter, type DocumentExporterOptions } from './build.js';
import { loadWriters } from './load.js';
import type { WriteOptions } from './writers.js';

export { createDocumentExporter, MAX_DOCUMENT_CHARS, type DocumentExporterOptions } from './build.js';
export type { Block, DocumentModel, Run } from './model.js';

export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface RenderDocumentOptions
  extends WriteOptions, Pick<DocumentExporterOptions, 'maxChars' | 'comments'> {
  redaction?: RedactionReport;
  maxToolResultChars?: number;
}

/** An in-memory session as a PDF or Word file (the document twin of renderSession). */
export async function renderDocument(
  session: Session,
  format: DocumentFormat,
  opts: RenderDocumentOptions = {},
): Promise<Uint8Array> {
  const redaction = opts.redaction ?? session.redaction;
  const { exporter, model } = createDocumentExporter({
    meta: session.meta,
    totals: session.totals,
    ...(redaction ? { redaction } : {}),
    ...(opts.maxToolResultChars !== undefined ? { maxToolResultChars: opts.maxToolResultChars } : {}),
    ...(opts.maxChars !== undefined ? { maxChars: opts.maxChars } : {}),
    ...(opts.comments ? { comments: opts.comments } : {}),
  });
  feedSession(session, exporter, redaction);
  return (await loadWriters()).writeDocument(model(), format, opts);
}

/** A transcript file streamed through `gate` into a PDF or Word file (the document twin of exportTranscript). */
export async function exportTranscriptDocument(
  transcriptPath: string,
  format: DocumentFormat,
  gate: EgressGate,
  opts: WriteOptions & Pick<DocumentExporterOptions, 'comments'> = {},
): Promise<{
  meta: SessionMeta;
  totals: SessionTotals;
  stats: ReadStats;
  redaction: RedactionReport;
  bytes: Uint8Array;
}> {
  const { exporter, model } = createDocumentExporter({
    gate,
    ...(opts.comments ? { comments: opts.comments } : {}),
  });
  // Start loading the writers while the transcript is read.
  const writers = loadWriters();
  writers.catch(() => {});
  const { meta, totals, stats } = await gate.streamSession(
    transcriptPath,
    (e, ctx) => exporter.event(e, ctx),
    {
      subagents: true,
    },
  );
  // No `redaction` in extra: the exporter counts what this gate redacted itself (passing it too counts it twice).
  const redaction = exporter.finish(meta, totals, { stats });
  const bytes = await (await writers).writeDocument(model(), format, opts);
  return { meta, totals, stats, redaction, bytes };
}
