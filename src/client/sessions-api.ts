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

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export function createSessionsApi(t: Transport) {
  return {
    /** POST /api/v1/sessions: upserts a whole (redacted) session, optionally creating or extending a post. */
    async push(req: Gated<z.input<typeof PushSessionRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(PushSessionRequest, req, 'session push');
      // Upsert keyed by session id and event uuids: repeating it never duplicates, unless it creates a post.
      return t.call({
        method: 'POST',
        path: '/api/v1/sessions',
        body,
        response: PushSessionResponse,
        idempotent: !body.createPost,
        ...o,
      });
    },
    /** POST /api/v1/sessions/:id/events: appends events; uuids already stored are counted as duplicates. */
    async appendEvents(
      sessionId: string,
      req: Gated<z.input<typeof AppendEventsRequest>>,
      o: CallOptions = {},
    ) {
      const body = validateOutbound(AppendEventsRequest, req, 'event batch');
      return t.call({
        method: 'POST',
        path: `/api/v1/sessions/${seg(sessionId)}/events`,
        body,
        response: AppendEventsResponse,
        idempotent: true,
        ...o,
      });
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
      return t.call({
        method: 'POST',
        path: '/api/v1/sessions/upload',
        body,
        response: UploadSessionsResponse,
        idempotent: true,
        ...o,
      });
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
