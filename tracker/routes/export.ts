// /api/v1/export: several of the caller's sessions exported into one zip.
import { BulkExportRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { exportComments, exportZip } from '../services/export.js';
import { apiRoute } from './route-deps.js';

export const EXPORT_ROUTES = [
  apiRoute({
    method: 'post',
    path: '/api/v1/export',
    tag: 'sessions',
    summary: 'Export several sessions as a zip (`comments: true` adds their comments)',
    auth: 'apiKey',
    rateLimit: 'perKey',
    bodyLimit: (d) => d.config.limits.bodyBytes,
    body: BulkExportRequest,
    responses: { 200: { contentType: 'application/zip' } },
    errors: [404],
    handler: async ({ c, deps, body: req }) => {
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
        req.comments ? (row) => exportComments(deps.store, row, caller.userId) : undefined,
      );
      return new Response(zip as unknown as BodyInit, {
        headers: {
          'Content-Type': 'application/zip',
          'Content-Disposition': `attachment; filename="baton-sessions-${req.format}.zip"`,
          'X-Baton-Session-Ids': ids.map(encodeURIComponent).join(','),
        },
      });
    },
  }),
];
