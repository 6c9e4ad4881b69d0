// list_sessions: the user's sessions on the tracker, filtered or searched, as a compact table.
import { z } from 'zod';
import { clip, duration, shortDate, table } from '../format.js';
import { defineTool } from '../define-tool.js';
import { requireTracker } from '../tracker.js';

const inputSchema = {
  search: z
    .string()
    .max(500)
    .optional()
    .describe(
      'Full-text search over prompts and replies; all words must match. Results are ranked best first.',
    ),
  project: z.string().max(200).optional().describe('Only sessions of this project (its name, slug or id).'),
  status: z.enum(['active', 'completed', 'interrupted', 'error']).optional(),
  tag: z.string().max(50).optional(),
  starred: z.boolean().optional(),
  archived: z
    .boolean()
    .optional()
    .describe('true lists only archived sessions; default lists unarchived ones.'),
  page: z.number().int().min(1).max(10_000).optional(),
  limit: z.number().int().min(1).max(50).optional().describe('Rows per page (default 10).'),
};

const Row = z.object({
  id: z.string(),
  title: z.string().nullable(),
  project: z.string().nullable(),
  status: z.string(),
  startedAt: z.string().nullable(),
  durationMs: z.number(),
  turns: z.number(),
  toolCalls: z.number(),
  url: z.string(),
});

const outputSchema = {
  sessions: z.array(Row),
  page: z.number(),
  totalPages: z.number(),
  total: z.number(),
};

export const listSessionsTool = defineTool({
  name: 'list_sessions',
  title: 'List tracker sessions',
  description:
    "Lists or searches the user's Claude Code sessions stored on their Baton tracker (newest first, or best match " +
    'first with `search`). Returns a table of session ids, dates, projects, turns and titles. Use it to find a ' +
    'session id for get_session or resume_session.',
  input: inputSchema,
  output: outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, deps) {
    const client = requireTracker(deps);
    const { starred, archived, ...rest } = args;
    const res = await client.sessions.list({
      ...rest,
      ...(starred !== undefined ? { starred: starred ? 'true' : 'false' } : {}),
      ...(archived !== undefined ? { archived: archived ? 'true' : 'false' } : {}),
      limit: args.limit ?? 10,
    });
    const sessions = res.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      project: s.project?.name ?? null,
      status: s.status,
      startedAt: s.startedAt,
      durationMs: s.durationMs,
      turns: s.totals.turns,
      toolCalls: s.totals.toolCalls,
      url: s.url,
    }));
    const p = res.pagination;
    const filters = Object.entries(args)
      .filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'limit')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    if (sessions.length === 0) {
      return {
        text: `No sessions found${filters ? ` for ${filters}` : ''}.`,
        sessions,
        page: p.page,
        totalPages: p.totalPages,
        total: p.total,
      };
    }
    const text = [
      `${p.total} session(s)${filters ? ` for ${filters}` : ''}; page ${p.page} of ${p.totalPages}:`,
      table(
        ['id', 'started', 'project', 'turns', 'dur', 'title'],
        sessions.map((s) => [
          s.id,
          shortDate(s.startedAt),
          clip(s.project, 20) || '-',
          String(s.turns),
          duration(s.durationMs),
          clip(s.title, 60) || '-',
        ]),
      ),
    ].join('\n');
    return { text, sessions, page: p.page, totalPages: p.totalPages, total: p.total };
  },
});
