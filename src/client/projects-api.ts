// Project, handoff, post, key and account endpoints: the small read/write calls around sessions.
import { z } from 'zod';
import {
  CreateHandoffRequest,
  CreateHandoffResponse,
  CreateKeyRequest,
  CreateKeyResponse,
  HandoffResponse,
  ListHandoffsQuery,
  ListHandoffsResponse,
  ListKeysResponse,
  ListPostsResponse,
  ListProjectsResponse,
  MeResponse,
  PatchPostRequest,
  PostResponse,
  ProjectResponse,
  ResumeResponse,
} from '../core/api/index.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport } from './transport.js';
import type { Gated } from '../core/egress/index.js';
import { seg, validateOutbound, validateRequest } from './validate.js';

export function createProjectsApi(t: Transport) {
  return {
    list: (o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/api/v1/projects', response: ListProjectsResponse, ...o }),
    /** `ref` is a project id, slug or name. */
    get: (ref: string, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: `/api/v1/projects/${seg(ref)}`, response: ProjectResponse, ...o }),
    /** The project's latest session and the `claude --resume` command (404 → code not_found when it has none). */
    resume: (ref: string, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: `/api/v1/projects/${seg(ref)}/resume`, response: ResumeResponse, ...o }),
  };
}

export function createHandoffsApi(t: Transport) {
  return {
    async create(req: Gated<z.input<typeof CreateHandoffRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(CreateHandoffRequest, req, 'handoff');
      return t.call({
        method: 'POST',
        path: '/api/v1/handoffs',
        body,
        response: CreateHandoffResponse,
        idempotent: false,
        ...o,
      });
    },
    async list(query: z.input<typeof ListHandoffsQuery> = {}, o: CallOptions = {}) {
      const q = validateRequest(ListHandoffsQuery, query, 'handoff query');
      return t.call({
        method: 'GET',
        path: '/api/v1/handoffs',
        query: q,
        response: ListHandoffsResponse,
        ...o,
      });
    },
    get: (id: string, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: `/api/v1/handoffs/${seg(id)}`, response: HandoffResponse, ...o }),
  };
}

export function createPostsApi(t: Transport) {
  return {
    list: (page: { page?: number; limit?: number } = {}, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/api/v1/posts', query: page, response: ListPostsResponse, ...o }),
    get: (id: string, o: CallOptions = {}) =>
      t.call({ method: 'GET', path: `/api/v1/posts/${seg(id)}`, response: PostResponse, ...o }),
    async patch(id: string, req: Gated<z.input<typeof PatchPostRequest>>, o: CallOptions = {}) {
      const body = validateOutbound(PatchPostRequest, req, 'post change');
      return t.call({
        method: 'PATCH',
        path: `/api/v1/posts/${seg(id)}`,
        body,
        response: PostResponse,
        idempotent: true,
        ...o,
      });
    },
  };
}

const KeyResponse = z.object({ key: CreateKeyResponse.shape.key });

export function createAccountApi(t: Transport) {
  return {
    /** GET /api/v1/me: who this key belongs to: the cheapest "is my key valid?" check. */
    me: (o: CallOptions = {}) => t.call({ method: 'GET', path: '/api/v1/me', response: MeResponse, ...o }),
    keys: {
      list: (o: CallOptions = {}) =>
        t.call({ method: 'GET', path: '/api/v1/keys', response: ListKeysResponse, ...o }),
      async create(req: z.input<typeof CreateKeyRequest>, o: CallOptions = {}) {
        const body = validateRequest(CreateKeyRequest, req, 'key request');
        return t.call({
          method: 'POST',
          path: '/api/v1/keys',
          body,
          response: CreateKeyResponse,
          idempotent: false,
          ...o,
        });
      },
      revoke: (id: string, o: CallOptions = {}) =>
        t.call({ method: 'DELETE', path: `/api/v1/keys/${seg(id)}`, response: KeyResponse, ...o }),
    },
  };
}
