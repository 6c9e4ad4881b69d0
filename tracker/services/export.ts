// Session exports through the shared src/core exporters: streamed page by page for one session, zipped for many.
// PDF and Word go through the same gate into a document model, built whole (bounded by its size limit), then sent.
import { zipSync, strToU8 } from 'fflate';
import type { ExportFormat } from '../../src/core/api/index.js';
import {
  commentThreads,
  createExporter,
  isDocumentFormat,
  renderSession,
  type DocumentFormat,
  type EventComments,
  type Exporter,
} from '../../src/core/export/index.js';
import {
  DOCUMENT_CONTENT_TYPES,
  createDocumentExporter,
  renderDocument,
} from '../../src/core/export/documents/index.js';
import { loadWriters } from '../../src/core/export/documents/load.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import { listComments } from './comments.js';
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
  ...DOCUMENT_CONTENT_TYPES,
};

/** A file name safe in Content-Disposition and zip entries. */
export function exportFileName(id: string, format: ExportFormat): string {
  return `${id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'session'}.${format}`;
}

/** What an export carries besides the session: its comments when asked for (`comments=true`). */
export interface ExportOptions {
  comments?: readonly EventComments[];
}

/**
 * The session's comments as an export carries them, read with the comment service's own rule (listComments) for
 * the reader the route already let in: the owner, a signed-in reader of a shared session, or (`viewerId` null) an
 * anonymous share-link reader. The exporter's egress gate redacts their text.
 */
export async function exportComments(
  store: Store,
  row: SessionRow,
  viewerId: string | null,
): Promise<EventComments[]> {
  return commentThreads(await listComments(store, { row, viewerId }));
}

const withComments = (o: ExportOptions) => (o.comments ? { comments: o.comments } : {});

/**
 * Streams one session's export: events are read 1,000 at a time and fed to the streaming exporter, so memory
 * stays flat however large the session is. Pull-based, so a slow client slows the reads down.
 */
export function exportStream(
  repos: Repositories,
  row: SessionRow,
  format: ExportFormat,
  opts: ExportOptions = {},
): ReadableStream<Uint8Array> {
  if (isDocumentFormat(format)) return documentStream(repos, row, format, opts);
  const encoder = new TextEncoder();
  const meta = toMeta(row);
  const totals = toTotals(row);
  let pending: string[] = [];
  const redaction = toRedaction(row);
  const exporter = createExporter(format, (chunk) => pending.push(chunk), {
    meta,
    totals,
    ...(redaction ? { redaction } : {}),
    ...withComments(opts),
  });
  const stats = toReadStats(row);
  const extra = { ...(redaction ? { redaction } : {}), ...(stats ? { stats } : {}) };
  const events = sessionRows(repos, row);
  const feed = rowFeeder(row, exporter);
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
          feed(next.value);
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

/**
 * Exports several sessions into one zip (one file per session). Sizes are bounded by the 100-session cap.
 * `commentsFor`: each session's comments, when they were asked for.
 */
export async function exportZip(
  repos: Repositories,
  rows: SessionRow[],
  format: ExportFormat,
  commentsFor?: (row: SessionRow) => Promise<readonly EventComments[]>,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const row of rows) {
    const events = [];
    for await (const e of repos.events.iterate(row.pk, 5000)) events.push(e);
    let name = exportFileName(row.id, format);
    for (let i = 2; files[name]; i++) name = exportFileName(`${row.id}-${i}`, format);
    const session = toSession(row, events);
    const opts = withComments({ ...(commentsFor ? { comments: await commentsFor(row) } : {}) });
    files[name] = isDocumentFormat(format)
      ? await renderDocument(session, format, opts)
      : strToU8(renderSession(session, format, opts));
  }
  if (rows.length === 0) throw new BatonError('invalid_request', 'no sessions to export');
  return zipSync(files, { level: 6 });
}

/** Main chain first, then each sidechain in the parent's spawn order (as in every local export), page by page. */
async function* sessionRows(repos: Repositories, row: SessionRow) {
  yield* repos.events.iterateChain(row.pk, '', 1000);
  const agents = inSpawnOrder(
    (await repos.events.agentIds(row.pk)).map((agentId) => ({ agentId })),
    row,
  );
  for (const { agentId } of agents) yield* repos.events.iterateChain(row.pk, agentId, 1000);
}

type EventRowOf<T> = T extends AsyncGenerator<infer R> ? R : never;

/** Feeds stored event rows to an exporter, starting each turn and sidechain with the fields the session row has. */
function rowFeeder(
  row: SessionRow,
  exporter: Exporter,
): (r: EventRowOf<ReturnType<typeof sessionRows>>) => void {
  const turns = new Map(turnInfo(row).map((t) => [t.index, t]));
  const sidechains = new Map(sidechainInfo(row).map((s) => [s.agentId, s]));
  let currentTurn: number | null = null;
  let currentAgent: string | null = null;
  return (r) => {
    const { event, turnIndex } = fromEventRow(r);
    if (r.agent_id === '') {
      if (currentTurn !== turnIndex) {
        currentTurn = turnIndex;
        const info = turns.get(turnIndex);
        exporter.beginTurn({ index: turnIndex, startedAt: info?.startedAt, endedAt: info?.endedAt });
      }
      exporter.event(event, { turnIndex });
      return;
    }
    if (currentAgent !== r.agent_id) {
      currentAgent = r.agent_id;
      const toolUseId = sidechains.get(r.agent_id)?.toolUseId;
      exporter.beginSidechain(toolUseId ? { agentId: r.agent_id, toolUseId } : { agentId: r.agent_id });
    }
    exporter.event(event, { turnIndex: -1, agentId: r.agent_id });
  };
}

/**
 * One session as a PDF or Word file: events are read page by page into the document model (whose size limit turns
 * a huge session into a `too_large` error), then laid out whole.
 */
export async function exportDocument(
  repos: Repositories,
  row: SessionRow,
  format: DocumentFormat,
  opts: ExportOptions = {},
): Promise<Uint8Array> {
  const redaction = toRedaction(row);
  const stats = toReadStats(row);
  const { exporter, model } = createDocumentExporter({
    meta: toMeta(row),
    totals: toTotals(row),
    ...(redaction ? { redaction } : {}),
    ...withComments(opts),
  });
  const feed = rowFeeder(row, exporter);
  for await (const r of sessionRows(repos, row)) feed(r);
  exporter.finish(toMeta(row), toTotals(row), {
    ...(redaction ? { redaction } : {}),
    ...(stats ? { stats } : {}),
  });
  return (await loadWriters()).writeDocument(model(), format);
}

/** exportDocument as a stream, for callers that answer with exportStream whatever the format. */
function documentStream(
  repos: Repositories,
  row: SessionRow,
  format: DocumentFormat,
  opts: ExportOptions,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        controller.enqueue(await exportDocument(repos, row, format, opts));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}

/**
 * The body of a one-session export response. A document is built before the response starts, so a `too_large`
 * session is a proper error response rather than a download cut short.
 */
export async function exportBody(
  repos: Repositories,
  row: SessionRow,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<ReadableStream<Uint8Array> | Uint8Array> {
  return isDocumentFormat(format)
    ? exportDocument(repos, row, format, opts)
    : exportStream(repos, row, format, opts);
}
