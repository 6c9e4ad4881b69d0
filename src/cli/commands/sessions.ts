// `baton sessions`: list or search the user's sessions on the tracker, as a table or JSON.
import { SessionSource, SessionStatus } from '../../core/api/index.js';
import { formatDate } from '../../core/format/date.js';
import { formatDuration } from '../../core/format/duration.js';
import { oneOf } from '../args.js';
import { defineCommand, printJson } from '../command.js';
import { paint, table } from '../style.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton sessions [options]

Lists your sessions on the tracker, newest first (or best match first with --search).

Options:
  --search TEXT        full-text search over prompts and responses (all words must match)
  --project P          only this project (id, slug or name)
  --status S           active|completed|interrupted|error
  --source S           cli-stream|cli-upload|ingest
  --tag T              only sessions with this tag
  --starred            only starred sessions
  --limit N            how many (default 20, max 100)     --page N   which page (default 1)
  --json               print the tracker's JSON answer
  -h, --help           show this help
`;

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

export const sessionsCommand = defineCommand({
  name: 'sessions',
  summary: 'list or search your sessions on the tracker',
  help: HELP,
  options: {
    search: { type: 'string' },
    project: { type: 'string' },
    status: { type: 'string' },
    source: { type: 'string' },
    tag: { type: 'string' },
    starred: { type: 'boolean' },
    limit: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values }, ctx) {
    const res = await withClient(ctx, (c) =>
      c.sessions.list({
        search: values.search,
        project: values.project,
        status: oneOf(values.status, SessionStatus.options, '--status'),
        source: oneOf(values.source, SessionSource.options, '--source'),
        tag: values.tag,
        ...(values.starred ? { starred: 'true' as const } : {}),
        ...(values.limit ? { limit: Number(values.limit) } : {}),
        ...(values.page ? { page: Number(values.page) } : {}),
      }),
    );
    if (values.json) return printJson(ctx, res);
    const p = paint(ctx.io);
    if (res.sessions.length === 0) {
      ctx.io.out(
        values.search
          ? `No sessions match "${values.search as string}".\n`
          : 'No sessions on the tracker yet.\n',
      );
      return 0;
    }
    const rows = [['ID', 'WHEN', 'PROJECT', 'STATUS', 'TURNS', 'TIME', 'TITLE']];
    for (const s of res.sessions) {
      rows.push([
        s.id,
        shortDate(s.startedAt ?? s.createdAt),
        s.project?.name ?? '-',
        s.status,
        String(s.totals.turns),
        duration(s.durationMs),
        (s.title ?? '').slice(0, 60),
      ]);
    }
    const [head, ...body] = table(rows).split('\n');
    ctx.io.out(`${p.bold(head!)}\n${body.join('\n')}\n`);
    const pg = res.pagination;
    ctx.io.out(p.dim(`page ${pg.page} of ${Math.max(pg.totalPages, 1)} · ${pg.total} session(s)\n`));
    return 0;
  },
});
