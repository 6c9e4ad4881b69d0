// `baton usage`: tokens and cost by UTC day, project or model, from the tracker's GET /api/v1/usage (issue 14).
import { UsageGroupBy, type UsageResponse } from '../../core/api/index.js';
import { formatCost } from '../../core/format/cost.js';
import { formatCount, totalTokens } from '../../core/format/count.js';
import { oneOf } from '../args.js';
import { defineCommand, printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { paint, table } from '../style.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton usage [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--project P] [--group-by day|project|model] [--json]

Your tokens and estimated cost on the tracker, summed over your sessions: by UTC day (default), project or model.
A session counts once, on the UTC day it started; a fork's copied history is counted with the session it came from.

  --from, --to     first and last UTC day counted (inclusive); all time when left out
  --project P      one project (id, slug or name)
  --group-by G     day | project | model
  --json           the API's answer as JSON
`;

function print(ctx: CliContext, r: UsageResponse): number {
  const scope = [
    r.project ? `project ${r.project.name}` : 'all projects',
    r.from || r.to ? `${r.from ?? '…'} to ${r.to ?? '…'} (UTC)` : 'all time',
  ].join(', ');
  ctx.io.out(`Usage by ${r.groupBy}, ${scope}\n\n`);
  if (r.groups.length === 0) {
    ctx.io.out('No sessions in this range.\n');
    return 0;
  }
  const head = [
    r.groupBy.toUpperCase(),
    'SESSIONS',
    'INPUT',
    'OUTPUT',
    'CACHE READ',
    'CACHE WRITE',
    'TOKENS',
    'COST',
  ];
  const row = (label: string, g: UsageResponse['totals']) => [
    label,
    String(g.sessions),
    formatCount(g.tokens.input, 'grouped'),
    formatCount(g.tokens.output, 'grouped'),
    formatCount(g.tokens.cacheRead, 'grouped'),
    formatCount(g.tokens.cacheWrite, 'grouped'),
    formatCount(totalTokens(g.tokens), 'grouped'),
    formatCost(g.costUsd, 'dollars'),
  ];
  const rows = [head, ...r.groups.map((g) => row(g.label, g)), row('TOTAL', r.totals)];
  const [first, ...rest] = table(rows).split('\n');
  const p = paint(ctx.io);
  ctx.io.out(`${p.bold(first!)}\n${rest.join('\n')}\n`);
  if (r.totals.unpricedSessions > 0)
    ctx.io.out(
      `\n${r.totals.unpricedSessions} session(s) used a model without a known price: not in COST.\n`,
    );
  if (r.tools.length > 0)
    ctx.io.out(
      `\nMost used tools: ${r.tools.map((t) => `${t.name} ${formatCount(t.calls, 'grouped')}`).join(', ')}\n`,
    );
  return 0;
}

export const usageCommand = defineCommand({
  name: 'usage',
  summary: 'tokens and cost by day, project or model',
  help: HELP,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    project: { type: 'string' },
    'group-by': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { max: 0, tooMany: 'baton usage takes no arguments (see baton usage --help)' },
  async run(f, ctx) {
    const groupBy = oneOf(f.values['group-by'], UsageGroupBy.options, 'group-by');
    const r = await withClient(ctx, (c) =>
      c.usage.get({
        ...(f.values.from ? { from: f.values.from } : {}),
        ...(f.values.to ? { to: f.values.to } : {}),
        ...(f.values.project ? { project: f.values.project } : {}),
        ...(groupBy ? { groupBy } : {}),
      }),
    );
    return f.values.json ? printJson(ctx, r) : print(ctx, r);
  },
});
