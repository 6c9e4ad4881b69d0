// `baton restore`: brings back the transcripts Claude Code's cleanup deleted here, from the tracker. Logic: src/resume.
import { BatonError } from '../../core/errors.js';
import { restoreSessions, type RestoreReport } from '../../resume/index.js';
import { defineCommand, printJson } from '../command.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton restore [--project P] [--since DATE] [--until DATE] [--dry-run] [--force] [--json]

Claude Code deletes transcripts after cleanupPeriodDays (30 by default). For each of your sessions on the tracker
whose transcript is no longer on this machine, writes it back (with its subagent files) where Claude Code looks for
it, in the project dir of the session's own directory, so \`claude --resume <id>\` works again.

Options:
  --project P    only this project (id, slug or name on the tracker)
  --since DATE   only sessions started at or after DATE (ISO date or time, e.g. 2026-11-01)
  --until DATE   only sessions started before DATE
  --dry-run      list what would be restored; write nothing
  --force        replace a leftover subagent file even when it has entries the tracker's copy lacks
  --json         print the report as JSON
  -h, --help     show this help
`;

function date(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new BatonError('invalid_input', `${flag} must be a date such as 2026-11-01 (got "${value}")`);
  return d;
}

function describe(r: RestoreReport, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Would restore' : 'Restored'} ${r.restored.length} of ${r.considered} session(s) on the tracker` +
      ` (${r.present} still here, ${r.withoutEntries} without a stored transcript, ${r.failed.length} failed).`,
  ];
  for (const s of r.restored) lines.push(`  ${s.sessionId}  ${s.cwd}`);
  for (const f of r.failed) lines.push(`  failed ${f.sessionId}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

export const restoreCommand = defineCommand({
  name: 'restore',
  summary: 'bring back transcripts deleted here (Claude Code cleanup) from the tracker',
  help: HELP,
  options: {
    project: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { max: 0, tooMany: 'restore takes no arguments (see --project, --since, --until)' },
  async run({ values }, ctx) {
    const since = date(values.since, '--since');
    const until = date(values.until, '--until');
    const dryRun = values['dry-run'] === true;
    const report = await withClient(ctx, (c) =>
      restoreSessions(
        { sessions: c.sessions, claudeConfigDir: ctx.claudeConfigDir, dataDir: ctx.config.dataDir },
        {
          ...(values.project !== undefined ? { project: values.project } : {}),
          ...(since ? { since } : {}),
          ...(until ? { until } : {}),
          dryRun,
          force: values.force === true,
        },
      ),
    );
    const code = report.failed.length > 0 ? 1 : 0;
    if (values.json) return printJson(ctx, report, { code });
    ctx.io.out(describe(report, dryRun));
    return code;
  },
});
