// `baton sessions [list]`: the table (or JSON) of the user's sessions, with how each one is shared.
import { SessionSource, SessionStatus, type SessionSummary } from '../../core/api/index.js';
import { formatDate } from '../../core/format/date.js';
import { formatDuration } from '../../core/format/duration.js';
import { oneOf } from '../args.js';
import { printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { paint, table } from '../style.js';
import { withClient } from '../tracker/require-client.js';

const UTC_SUFFIX = ' UTC';

/** core's date (UTC, to the minute) without the ` UTC` suffix, which a table column does not need; missing is `-`. */
export function shortDate(iso: string | null): string {
  if (!iso) return '-';
  const full = formatDate(iso);
  return full.endsWith(UTC_SUFFIX) ? full.slice(0, -UTC_SUFFIX.length) : '-';
}

/** `45s`, `3m`, `1.5h`: see the styles in core/format/duration.ts. */
export function duration(ms: number): string {
  return formatDuration(ms, 'hours');
}

/** `public`, `unlisted+post`, `post+live`, `-`: what exposes the session (an older tracker says only visibility). */
export function sharedColumn(s: Pick<SessionSummary, 'visibility' | 'sharing'>): string {
  if (!s.sharing) return s.visibility === 'private' ? '-' : s.visibility;
  const parts: string[] = [];
  if (s.sharing.link) parts.push(s.sharing.link.visibility);
  if (s.sharing.posts.some((p) => p.visibility !== 'private')) parts.push('post');
  if (s.sharing.live.some((l) => l.status === 'active' || l.status === 'paused')) parts.push('live');
  return parts.length > 0 ? parts.join('+') : '-';
}

export interface ListFlags {
  search?: string;
  project?: string;
  status?: string;
  source?: string;
  tag?: string;
  starred?: boolean;
  archived?: boolean;
  limit?: string;
  page?: string;
  json?: boolean;
}

export async function listSessions(values: ListFlags, ctx: CliContext): Promise<number> {
  const res = await withClient(ctx, (c) =>
    c.sessions.list({
      search: values.search,
      project: values.project,
      status: oneOf(values.status, SessionStatus.options, '--status'),
      source: oneOf(values.source, SessionSource.options, '--source'),
      tag: values.tag,
      ...(values.starred ? { starred: 'true' as const } : {}),
      ...(values.archived ? { archived: 'true' as const } : {}),
      ...(values.limit ? { limit: Number(values.limit) } : {}),
      ...(values.page ? { page: Number(values.page) } : {}),
    }),
  );
  if (values.json) return printJson(ctx, res);
  const p = paint(ctx.io);
  if (res.sessions.length === 0) {
    ctx.io.out(
      values.search ? `No sessions match "${values.search}".\n` : 'No sessions on the tracker yet.\n',
    );
    return 0;
  }
  const rows = [['ID', 'WHEN', 'PROJECT', 'STATUS', 'TURNS', 'TIME', 'SHARED', 'TITLE']];
  for (const s of res.sessions) {
    rows.push([
      s.id,
      shortDate(s.startedAt ?? s.createdAt),
      s.project?.name ?? '-',
      s.status,
      String(s.totals.turns),
      duration(s.durationMs),
      sharedColumn(s),
      (s.title ?? '').slice(0, 60),
    ]);
  }
  const [head, ...body] = table(rows).split('\n');
  ctx.io.out(`${p.bold(head!)}\n${body.join('\n')}\n`);
  const pg = res.pagination;
  ctx.io.out(p.dim(`page ${pg.page} of ${Math.max(pg.totalPages, 1)} · ${pg.total} session(s)\n`));
  return 0;
}
