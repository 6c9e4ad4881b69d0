// Renders an in-memory Session by driving the streaming exporter: main turns first, then each sidechain.
import type { RedactionReport, Session } from '../model/session.js';
import { createExporter } from './create-exporter.js';
import type { ExportFormat, Exporter, ExporterOptions } from './types.js';

export interface RenderOptions {
  /** Defaults to the session's own `redaction` field. */
  redaction?: RedactionReport;
  maxToolResultChars?: number;
  /** Comments to write next to their events (off when undefined). */
  comments?: ExporterOptions['comments'];
}

export function renderSession(session: Session, format: ExportFormat, extra: RenderOptions = {}): string {
  const chunks: string[] = [];
  const redaction = extra.redaction ?? session.redaction;
  const exporter = createExporter(format, (c) => chunks.push(c), {
    meta: session.meta,
    totals: session.totals,
    ...(redaction ? { redaction } : {}),
    ...(extra.maxToolResultChars !== undefined ? { maxToolResultChars: extra.maxToolResultChars } : {}),
    ...(extra.comments ? { comments: extra.comments } : {}),
  });
  feedSession(session, exporter, redaction);
  return chunks.join('');
}

/** Drives any exporter (text or document) through a session: main turns first, then each sidechain, then finish. */
export function feedSession(
  session: Session,
  exporter: Exporter,
  redaction: RedactionReport | undefined,
): void {
  for (const turn of session.turns) {
    exporter.beginTurn({ index: turn.index, startedAt: turn.startedAt, endedAt: turn.endedAt });
    for (const e of turn.events) exporter.event(e, { turnIndex: turn.index });
  }
  for (const sc of session.sidechains) {
    exporter.beginSidechain(
      sc.toolUseId === undefined ? { agentId: sc.agentId } : { agentId: sc.agentId, toolUseId: sc.toolUseId },
    );
    for (const e of sc.events) exporter.event(e, { turnIndex: -1, agentId: sc.agentId });
  }
  exporter.finish(session.meta, session.totals, {
    ...(redaction ? { redaction } : {}),
    ...(session.stats ? { stats: session.stats } : {}),
  });
}
