// `baton sync`: upload historical Claude Code sessions (~/.claude/projects) to the tracker, resumably.
import { describeRedaction } from '../../core/egress/index.js';
import { defineCommand, printJson } from '../command.js';
import { paint } from '../style.js';
import { createProgress, mb } from '../sync/progress.js';
import { runSync } from '../sync/run-sync.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton sync [--all | --project P] [--since DATE] [options]

Uploads past Claude Code sessions from ~/.claude/projects (CLAUDE_CONFIG_DIR moves it) to the tracker, redacted,
in batches. Subagent transcripts travel with their parent session. Rerunning skips sessions already uploaded and
unchanged, so an interrupted sync just continues. By default only the current directory's project is synced.

Options:
  --all             every project
  --project P       one project: a path, or a name matching the end of the project folder
  --since DATE      only sessions changed since DATE (2026-01-31) or an age (7d, 12h, 2w)
  --dry-run         show what would be uploaded, upload nothing
  --no-redact       send secrets as they are (redaction is on by default)
  --json            print the report as JSON
  -h, --help        show this help
`;

export const syncCommand = defineCommand({
  name: 'sync',
  summary: 'upload past sessions to the tracker (resumable)',
  help: HELP,
  options: {
    all: { type: 'boolean' },
    project: { type: 'string' },
    since: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'no-redact': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, ctx) {
    const progress = createProgress(ctx.io, 'Syncing');
    const report = await withClient(
      ctx,
      (client) =>
        runSync(
          ctx,
          client,
          {
            all: Boolean(values.all),
            project: values.project,
            since: values.since,
            dryRun: Boolean(values['dry-run']),
            redact: !values['no-redact'] && ctx.config.redact,
          },
          progress,
        ).finally(() => progress.finish()),
      { timeoutMs: 300_000 },
    );
    if (values.json) return printJson(ctx, report, { compact: true, code: report.failed.length ? 1 : 0 });
    const p = paint(ctx.io);
    const verb = values['dry-run'] ? 'Would upload' : 'Uploaded';
    const rate =
      report.seconds > 0 ? ` in ${report.seconds.toFixed(1)} s (${mb(report.bytes / report.seconds)}/s)` : '';
    ctx.io.out(
      `${p.green('✓')} ${verb} ${report.uploaded} session(s), ${mb(report.bytes)} of transcripts${values['dry-run'] ? '' : rate}; ${report.unchanged} unchanged`,
    );
    ctx.io.out(
      `${report.ignored ? `, ${report.ignored} ignored (opted out)` : ''}${report.empty ? `, ${report.empty} empty` : ''}\n`,
    );
    if (!values['dry-run'])
      ctx.io.out(`Redaction: ${describeRedaction(report.redaction, report.redacting)}\n`);
    for (const f of report.failed) ctx.io.err(`${p.red('✗')} ${f.path}: ${f.error}\n`);
    return report.failed.length ? 1 : 0;
  },
});
