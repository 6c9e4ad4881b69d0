// A browser download of one session export, streamed by the tracker's export service (PDF and Word built first).
import type { ExportFormat } from '../../src/core/api/index.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import { CONTENT_TYPES, exportBody, exportFileName, type ExportOptions } from '../services/export.js';

export async function exportResponse(
  repos: Repositories,
  row: SessionRow,
  format: ExportFormat,
  opts: ExportOptions = {},
): Promise<Response> {
  return new Response((await exportBody(repos, row, format, opts)) as unknown as BodyInit, {
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${exportFileName(row.id, format)}"`,
      'cache-control': 'no-store',
      // Opened from the tracker's origin, an exported HTML file must not run with the tracker's privileges.
      ...(format === 'html'
        ? {
            'content-security-policy':
              "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          }
        : {}),
    },
  });
}
