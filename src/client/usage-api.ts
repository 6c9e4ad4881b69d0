// GET /api/v1/usage: the caller's tokens, cost and sessions by UTC day, project or model (issue 14).
import type { z } from 'zod';
import { UsageQuery, UsageResponse } from '../core/api/index.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport } from './transport.js';
import { validateRequest } from './validate.js';

export function createUsageApi(t: Transport) {
  return {
    /** `from`/`to` are inclusive UTC days (`YYYY-MM-DD`); `project` an id, slug or name; `groupBy` day by default. */
    get(query: z.input<typeof UsageQuery> = {}, o: CallOptions = {}) {
      const q = validateRequest(UsageQuery, query, 'usage query');
      return t.call({ method: 'GET', path: '/api/v1/usage', query: q, response: UsageResponse, ...o });
    },
  };
}
