// /api/v1/export: several of the caller's sessions exported into one zip.
import type { Hono } from 'hono';
import { BulkExportRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { limitBody } from '../http/body-limit.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validate.js';
import { exportZip } from '../services/export.js';
import type { RouteContext } from './context.js';

export function registerExportRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  app.post('/api/v1/export', auth, limitBody(deps.config.limits.bodyBytes), async (c) => {
    const req = await readJson(c, BulkExportRequest);
    const caller = c.get('caller');
    const ids = [...new Set(req.sessionIds)];
    const rows = await Promise.all(ids.map((id) => deps.store.sessions.findByUserAndId(caller.userId, id)));
    const missing = ids.filter((_, i) => !rows[i]);
    if (missing.length > 0)
      throw new BatonError('not_found', `no session ${missing[0]}`, { details: { missing } });
    const zip = await exportZip(
      deps.store,
      rows.map((r) => r!),
      req.format,
    );
    return new Response(zip as unknown as BodyInit, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="baton-sessions-${req.format}.zip"`,
        'X-Baton-Session-Ids': ids.map(encodeURIComponent).join(','),
      },
    });
  });
}
