// `baton resume`: where to pick up: a session's summary, its latest handoff, and the exact `claude --resume` command.
import { projectSlug } from '../../core/api/index.js';
import { BatonError } from '../../core/errors.js';
import { defineCommand, printJson } from '../command.js';
import { paint } from '../style.js';
import { withClient } from '../tracker/require-client.js';
import { duration, shortDate } from './sessions.js';

const HELP = `Usage: baton resume [<session-id> | --latest] [--project P] [--json]

Shows what to continue from: the session's title and summary, its latest handoff (if any), and the command to
resume it in Claude Code. With no session id (or --latest), uses the latest session of the project of the current
directory (or of --project).

Options:
  --latest       the project's latest session (the default)
  --project P    project id, slug or name (default: derived from the current directory)
  --json         print the result as JSON
  -h, --help     show this help
`;

export const resumeCommand = defineCommand({
  name: 'resume',
  summary: 'show how to resume a session (latest of this project by default)',
  help: HELP,
  options: { latest: { type: 'boolean' }, project: { type: 'string' }, json: { type: 'boolean' } },
  positionals: { max: 1, tooMany: 'resume takes at most one session id' },
  async run({ values, positionals }, ctx) {
    if (positionals[0] && values.latest)
      throw new BatonError('invalid_input', 'give a session id or --latest, not both');
    const result = await withClient(ctx, async (c) => {
      let sessionId = positionals[0];
      if (!sessionId) {
        const ref = values.project ?? projectSlug({ cwd: ctx.io.cwd });
        if (!ref)
          throw new BatonError(
            'invalid_input',
            'cannot tell the project from this directory: give --project',
          );
        const pointer = await c.projects.resume(ref).catch((err: unknown) => {
          if (err instanceof BatonError && err.code === 'not_found')
            throw new BatonError('not_found', `no session on the tracker for project "${ref}" yet`);
          throw err;
        });
        sessionId = pointer.sessionId;
      }
      const detail = await c.sessions.get(sessionId, { limit: 0 });
      const handoffs = detail.session.project
        ? (await c.handoffs.list({ project: detail.session.project.id, limit: 20 })).handoffs
        : [];
      const handoff = handoffs.find((h) => h.sessionId === sessionId) ?? null;
      return {
        session: detail.session,
        meta: detail.meta,
        handoff,
        resumeCommand: `claude --resume ${sessionId}`,
      };
    });
    if (values.json) return printJson(ctx, result);
    const p = paint(ctx.io);
    const s = result.session;
    const t = s.totals;
    const lines = [
      p.bold(s.title ?? result.meta.title ?? s.id),
      `${s.project?.name ?? 'no project'} · ${s.status} · ${shortDate(s.startedAt)} · ${duration(s.durationMs)} · ${t.turns} turn(s), ${t.toolCalls} tool call(s)`,
    ];
    if (result.meta.firstPrompt)
      lines.push(`First prompt: ${result.meta.firstPrompt.split('\n')[0]!.slice(0, 200)}`);
    if (t.filesTouched.length)
      lines.push(
        `Files touched: ${t.filesTouched.slice(0, 10).join(', ')}${t.filesTouched.length > 10 ? ', …' : ''}`,
      );
    lines.push(`Session: ${s.url}`);
    if (result.handoff) lines.push(`Handoff: ${result.handoff.url}`);
    lines.push(
      '',
      `Resume with:  ${p.cyan(result.resumeCommand)}`,
      p.dim(`(run it in ${s.cwd ?? 'the project directory'})`),
    );
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  },
});
