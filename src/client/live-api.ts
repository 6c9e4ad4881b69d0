// Live stream endpoints: create with the API key, then write with the stream's producer token.
import { z } from 'zod';
import {
  AppendLiveRequest,
  AppendLiveResponse,
  CompleteLiveRequest,
  CreateLiveRequest,
  CreateLiveResponse,
  LiveInfo,
} from '../core/api/live.js';
import type { CallOptions } from './sessions-api.js';
import type { CallSpec, Transport } from './transport.js';
import type { Gated } from '../core/egress/index.js';
import { seg, validateOutbound } from './validate.js';

const ListLiveResponse = z.object({ streams: z.array(LiveInfo) });

/** How to authenticate a write to one stream: its producer token (what `create` returned) is enough. */
export interface LiveWriteAuth {
  producerToken?: string;
}

export function createLiveApi(t: Transport) {
  // With a producer token: send it next to the API key (header) when we have a key, else as the bearer.
  const writeAuth = (w: LiveWriteAuth): Pick<CallSpec<unknown>, 'auth' | 'headers'> => {
    if (!w.producerToken) return {};
    if (t.hasKey) return { headers: { 'x-baton-producer-token': w.producerToken } };
    return { auth: { bearer: w.producerToken } };
  };
  const action = (liveId: string, verb: 'pause' | 'resume', w: LiveWriteAuth, o: CallOptions) =>
    t.call({
      method: 'POST',
      path: `/api/v1/live/${seg(liveId)}/${verb}`,
      body: {},
      response: LiveInfo,
      idempotent: true,
      ...writeAuth(w),
      ...o,
    });

  return {
    /** POST /api/v1/live (API key): returns liveId, producerToken, viewUrl. Not retried after an ambiguous failure. */
    async create(req: Gated<z.input<typeof CreateLiveRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(CreateLiveRequest, req, 'live stream request');
      return t.call({
        method: 'POST',
        path: '/api/v1/live',
        body,
        response: CreateLiveResponse,
        idempotent: false,
        ...o,
      });
    },
    list: (o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/api/v1/live', response: ListLiveResponse, ...o }),
    get: (liveId: string, w: LiveWriteAuth = {}, o: CallOptions = {}) =>
      t.call({
        method: 'GET',
        path: `/api/v1/live/${seg(liveId)}`,
        response: LiveInfo,
        ...writeAuth(w),
        ...o,
      }),
    /** PATCH /api/v1/live/:id: events with producer seq numbers; re-sending a seq (or uuid) is a harmless duplicate. */
    async append(
      liveId: string,
      req: Gated<z.input<typeof AppendLiveRequest>>,
      w: LiveWriteAuth = {},
      o: CallOptions = {},
    ) {
      const body = validateOutbound(AppendLiveRequest, req, 'live batch');
      return t.call({
        method: 'PATCH',
        path: `/api/v1/live/${seg(liveId)}`,
        body,
        response: AppendLiveResponse,
        idempotent: true,
        ...writeAuth(w),
        ...o,
      });
    },
    /** Ends the stream; `createPost: true` keeps it as a post (postUrl in the answer). */
    async complete(
      liveId: string,
      req: Gated<z.input<typeof CompleteLiveRequest>>,
      w: LiveWriteAuth = {},
      o: CallOptions = {},
    ) {
      const body = validateOutbound(CompleteLiveRequest, req, 'live completion');
      return t.call({
        method: 'POST',
        path: `/api/v1/live/${seg(liveId)}/complete`,
        body,
        response: LiveInfo,
        idempotent: true,
        ...writeAuth(w),
        ...o,
      });
    },
    pause: (liveId: string, w: LiveWriteAuth = {}, o: CallOptions = {}) => action(liveId, 'pause', w, o),
    resume: (liveId: string, w: LiveWriteAuth = {}, o: CallOptions = {}) => action(liveId, 'resume', w, o),
    /** DELETE /api/v1/live/:id: revokes the stream and its view URL; `purge` also deletes its events. */
    revoke: (liveId: string, w: LiveWriteAuth = {}, o: CallOptions & { purge?: boolean } = {}) => {
      const { purge, ...call } = o;
      const path = `/api/v1/live/${seg(liveId)}${purge ? '?purge=true' : ''}`;
      return t.call({ method: 'DELETE', path, response: LiveInfo, ...writeAuth(w), ...call });
    },
  };
}
