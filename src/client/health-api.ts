// Reachability checks: liveness, readiness and the tracker's advertised API version (no key needed).
import { z } from 'zod';
import { HealthResponse, ReadyResponse } from '../core/api/index.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport } from './transport.js';

const OpenApiInfo = z
  .object({ info: z.object({ title: z.string().optional(), version: z.string() }).loose() })
  .loose();

export function createHealthApi(t: Transport) {
  return {
    /** GET /healthz: the process answers. */
    health: (o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/healthz', response: HealthResponse, auth: 'none', ...o }),
    /** GET /readyz: the database answers too (a 503 becomes code `server`). */
    ready: (o: CallOptions = {}) =>
      t.call({ method: 'GET', path: '/readyz', response: ReadyResponse, auth: 'none', ...o }),
    /** The API version from /api/v1/openapi.json (what `baton doctor` prints). */
    async version(o: CallOptions = {}): Promise<string> {
      const doc = await t.call({
        method: 'GET',
        path: '/api/v1/openapi.json',
        response: OpenApiInfo,
        auth: 'none',
        ...o,
      });
      return doc.info.version;
    },
  };
}
