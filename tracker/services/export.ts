// Session exports through the shared src/core exporters: streamed page by page for one session, zipped for many.
import { zipSync, strToU8 } from 'fflate';
import type { ExportFormat } from '../../src/core/api/index.js';
import { createExporter, renderSession } from '../../src/core/export/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import { fromEventRow } from './event-rows.js';
import {
  inSpawnOrder,
  sidechainInfo,
  toMeta,
  toReadStats,
  toRedaction,
  toSession,
  toTotals,
  turnInfo,
} from './session-view.js';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** A file name safe in Content-Disposition and zip entries. */
export function exportFileName(id: string, format: ExportFormat): string {
  return `${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'session'}.${format}`;
}

/**
 * Streams one session's export: events are read 1,000 at a time and fed to the streaming exporter, so memory
 * stays flat however large the session is. Pull-based, so a slow client slows the reads down.
 */
export function exportStream(
  repos: Repositories,
  row: SessionRow,
  format: ExportFormat,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const meta = toMeta(row);
  const totals = toTotals(row);
  const turns = new Map(turnInfo(row).map((t) => [t.index, t]));
  const sidechains = new Map(sidechainInfo(row).map((s) => [s.agentId, s]));
  let pending: string[] = [];
  const redaction = toRedaction(row);
  const exporter = createExporter(format, (chunk) => pending.push(chunk), {
    meta,
    totals,
    ...(redaction ? { redaction } : {}),
  });
  const stats = toReadStats(row);
  const extra = { ...(redaction ? { redaction } : {}), ...(stats ? { stats } : {}) };
  // Main chain first, then each sidechain in the order the client listed them (the parent's spawn order, as in
  // every local export), then any it did not list; each chain streams page by page.
  const events = (async function* () {
    yield* repos.events.iterateChain(row.pk, '', 1000);
    const agents = inSpawnOrder(
      (await repos.events.agentIds(row.pk)).map((agentId) => ({ agentId })),
      row,
    );
    for (const { agentId } of agents) yield* repos.events.iterateChain(row.pk, agentId, 1000);
  })();
  let currentTurn: number | null = null;
  let currentAgent: string | null = null;
  let finished = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (pending.length === 0 && !finished) {
          const next = await events.next();
          if (next.done) {
            exporter.finish(meta, totals, extra);
            finished = true;
            break;
          }
          const r = next.value;
          const { event, turnIndex } = fromEventRow(r);
          if (r.agent_id === '') {
            if (currentTurn !== turnIndex) {
              currentTurn = turnIndex;
              const info = turns.get(turnIndex);
              exporter.beginTurn({ index: turnIndex, startedAt: info?.startedAt, endedAt: info?.endedAt });
            }
            exporter.event(event, { turnIndex });
          } else {
            if (currentAgent !== r.agent_id) {
              currentAgent = r.agent_id;
              const toolUseId = sidechains.get(r.agent_id)?.toolUseId;
              exporter.beginSidechain(
                toolUseId ? { agentId: r.agent_id, toolUseId } : { agentId: r.agent_id },
              );
            }
            exporter.event(event, { turnIndex: -1, agentId: r.agent_id });
          }
        }
        if (pending.length > 0) {
          controller.enqueue(encoder.encode(pending.join('')));
          pending = [];
        }
        if (finished && pending.length === 0) controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
}

/** Exports several sessions into one zip (one file per session). Sizes are bounded by the 100-session cap. */
export async function exportZip(
  repos: Repositories,
  rows: SessionRow[],
  format: ExportFormat,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const row of rows) {
    const events = [];
    for await (const e of repos.events.iterate(row.pk, 5000)) events.push(e);
    let name = exportFileName(row.id, format);
    for (let i = 2; files[name]; i++) name = exportFileName(`${row.id}-${i}`, format);
    files[name] = strToU8(renderSession(toSession(row, events), format));
  }
  if (rows.length === 0) throw new BatonError('invalid_request', 'no sessions to export');
  return zipSync(files, { level: 6 });
}
