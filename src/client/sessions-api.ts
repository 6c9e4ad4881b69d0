// Session endpoints: push a whole session, append events, bulk upload, list/search, read, patch, delete, export.
import { z } from 'zod';
import {
  AppendEntriesRequest,
  AppendEntriesResponse,
  ListEntriesQuery,
  ListEntriesResponse,
  ListSubkeysResponse,
  AppendEventsRequest,
  AppendEventsResponse,
  DeleteResponse,
  ListSessionsQuery,
  ListSessionsResponse,
  PatchSessionRequest,
  PushSessionRequest,
  PushSessionResponse,
  SessionDetailResponse,
  UploadSessionsRequest,
  UploadSessionsResponse,
  type ExportFormat,
} from '../core/api/index.js';
import type { Transport } from './transport.js';
import type { Gated } from '../core/egress/index.js';
import { seg, validateOutbound, validateRequest } from './validate.js';
import { createLinesRule, type TranscriptLines } from './transcript-lines.js';

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * What appendEvents answers, without a request, when the tracker keeps no transcript lines and the batch held
 * nothing else: there was nothing this tracker stores.
 */
export interface LinesNotSent {
  sessionId: string;
  inserted: 0;
  duplicates: 0;
  notSent: 'tracker_keeps_no_lines';
}

export function createSessionsApi(t: Transport) {
  // Per client instance: whether this tracker keeps transcript lines (older ones refuse them; see the module).
  const lines = createLinesRule(t.onLinesRefused);
  return {
    /** Whether the tracker kept the transcript lines sent so far (false: too old; undefined: none sent yet). */
    transcriptLines: { kept: () => lines.kept() } satisfies TranscriptLines,
    /** POST /api/v1/sessions: upserts a whole (redacted) session, optionally creating or extending a post. */
    async push(req: Gated<z.input<typeof PushSessionRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(PushSessionRequest, req, 'session push');
      // Upsert keyed by session id and event uuids: repeating it never duplicates, unless it creates a post.
      return lines.send(body, (b) =>
        t.call({
          method: 'POST',
          path: '/api/v1/sessions',
          body: b,
          response: PushSessionResponse,
          idempotent: !body.createPost,
          ...o,
        }),
      );
    },
    /**
     * POST /api/v1/sessions/:id/events: appends events; uuids already stored are counted as duplicates. A batch of
     * lines alone, for a tracker that keeps none, is answered LinesNotSent without a request.
     */
    async appendEvents(
      sessionId: string,
      req: Gated<z.input<typeof AppendEventsRequest>>,
      o: CallOptions = {},
    ): Promise<z.output<typeof AppendEventsResponse> | LinesNotSent> {
      const body = validateOutbound(AppendEventsRequest, req, 'event batch');
      return lines.send<typeof body, z.output<typeof AppendEventsResponse> | LinesNotSent>(
        body,
        (b) =>
          t.call({
            method: 'POST',
            path: `/api/v1/sessions/${seg(sessionId)}/events`,
            body: b,
            response: AppendEventsResponse,
            idempotent: true,
            ...o,
          }),
        (b) =>
          b.events.length === 0
            ? { sessionId, inserted: 0, duplicates: 0, notSent: 'tracker_keeps_no_lines' }
            : undefined,
      );
    },
    /**
     * POST /api/v1/sessions/:id/entries: appends transcript lines to one file of the session (creating the session
     * when the id is new); uuids already stored are counted as duplicates.
     */
    async appendEntries(
      sessionId: string,
      req: Gated<z.input<typeof AppendEntriesRequest>>,
      o: CallOptions = {},
    ) {
      const body = validateOutbound(AppendEntriesRequest, req, 'transcript entries');
      return t.call({
        method: 'POST',
        path: `/api/v1/sessions/${seg(sessionId)}/entries`,
        body,
        response: AppendEntriesResponse,
        idempotent: true,
        ...o,
      });
    },
    /** GET /api/v1/sessions/:id/entries: one page of one file's transcript lines, in arrival order. */
    async listEntries(sessionId: string, query: z.input<typeof ListEntriesQuery> = {}, o: CallOptions = {}) {
      const q = validateRequest(ListEntriesQuery, query, 'entries query');
      return t.call({
        method: 'GET',
        path: `/api/v1/sessions/${seg(sessionId)}/entries`,
        query: q,
        response: ListEntriesResponse,
        ...o,
      });
    },
    /** GET /api/v1/sessions/:id/entries/subkeys: the session's transcript files that hold entries. */
    async listSubkeys(sessionId: string, o: CallOptions = {}) {
      return t.call({
        method: 'GET',
        path: `/api/v1/sessions/${seg(sessionId)}/entries/subkeys`,
        response: ListSubkeysResponse,
        ...o,
      });
    },
    /** POST /api/v1/sessions/upload: up to 1000 whole sessions (historical sync). */
    async upload(req: Gated<z.input<typeof UploadSessionsRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(UploadSessionsRequest, req, 'session upload');
      return lines.send(body, (b) =>
        t.call({
          method: 'POST',
          path: '/api/v1/sessions/upload',
          body: b,
          response: UploadSessionsResponse,
          idempotent: true,
          ...o,
        }),
      );
    },
    /** GET /api/v1/sessions with filters (search, project, status, source, tag, starred, archived, page, limit). */
    async list(query: z.input<typeof ListSessionsQuery> = {}, o: CallOptions = {}) {
      const q = validateRequest(ListSessionsQuery, query, 'session query');
      return t.call({
        method: 'GET',
        path: '/api/v1/sessions',
        query: q,
        response: ListSessionsResponse,
        ...o,
      });
    },
    /** GET /api/v1/sessions/:id: summary, meta and one page of events. */
    async get(sessionId: string, page: { offset?: number; limit?: number } = {}, o: CallOptions = {}) {
      return t.call({
        method: 'GET',
        path: `/api/v1/sessions/${seg(sessionId)}`,
        query: page,
        response: SessionDetailResponse,
        ...o,
      });
    },
    async patch(sessionId: string, req: Gated<z.input<typeof PatchSessionRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(PatchSessionRequest, req, 'session change');
      return t.call({
        method: 'PATCH',
        path: `/api/v1/sessions/${seg(sessionId)}`,
        body,
        response: SessionDetailResponse,
        idempotent: true,
        ...o,
      });
    },
    /** DELETE /api/v1/sessions/:id: moves it to the trash (see manage-api.ts for purge and restore). */
    async delete(sessionId: string, o: CallOptions = {}) {
      return t.call({
        method: 'DELETE',
        path: `/api/v1/sessions/${seg(sessionId)}`,
        response: DeleteResponse,
        ...o,
      });
    },
    /** GET /api/v1/sessions/:id/export?format=: the rendered document as text. */
    async export(sessionId: string, format: ExportFormat = 'md', o: CallOptions = {}) {
      return t.call<string>({
        method: 'GET',
        path: `/api/v1/sessions/${seg(sessionId)}/export`,
        query: { format },
        text: true,
        ...o,
      });
    },
  };
}
