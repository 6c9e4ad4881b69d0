// A browser download of one session export, streamed by the tracker's export service (PDF and Word built first).
import type { Context } from 'hono';
import { ExportFormat, QueryBool } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories, SessionRow } from '../db/repositories/index.js';
import type { Store } from '../db/store.js';
import {
  CONTENT_TYPES,
  exportBody,
  exportComments,
  exportFileName,
  type ExportOptions,
} from '../services/export.js';

/**
 * A session page's download (`?format=`, md by default; `comments=true` adds the session's comments, redacted with
 * the rest). `viewerId` is the signed-in reader, null for an anonymous share-link reader.
 */
export async function downloadResponse(
  c: Context,
  repos: Store,
  row: SessionRow,
  viewerId: string | null,
): Promise<Response> {
  const format = ExportFormat.safeParse(c.req.query('format') ?? 'md');
  if (!format.success)
    throw new BatonError('invalid_request', 'Export format must be md, json, html, txt, pdf or docx.');
  const comments = QueryBool.optional().safeParse(c.req.query('comments'));
  if (!comments.success) throw new BatonError('invalid_request', 'comments must be true or false.');
  const opts = comments.data ? { comments: await exportComments(repos, row, viewerId) } : {};
  return exportResponse(repos, row, format.data, opts);
}

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
