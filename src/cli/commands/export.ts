// `baton export`: writes a session as Markdown, JSON, self-contained HTML or plain text, redacted by default.
import { BatonError } from '../../core/errors.js';
import { EXPORT_FORMATS } from '../../core/export/index.js';
import {
  describeExport,
  exportSession,
  type ExportDestination,
  type ExportSessionEnv,
} from '../../export/export-session.js';
import { oneOf, parseFlags } from '../args.js';
import type { CliCommand } from '../command.js';
import type { CliContext } from '../context.js';

const HELP = `Usage: baton export [<session-id>|<transcript.jsonl>] [options]

Exports a Claude Code session. With no session given, exports the newest session of the current directory.

Options:
  --format, -f md|json|html|txt   output format (default: md)
  --out, -o FILE|-                where to write; "-" is stdout (default: ./session-<id>.<ext>)
  --session ID                    same as the positional session id
  --force                         overwrite an existing file
  --no-redact                     keep secrets as they are (redaction is on by default)
  --json                          print the result summary as JSON
  -h, --help                      show this help
`;

/** The export use case's surroundings from a CLI invocation: warnings go to stderr. */
export function exportEnv(ctx: CliContext, cwd = ctx.io.cwd): ExportSessionEnv {
  return {
    cwd,
    claudeConfigDir: ctx.claudeConfigDir,
    dataDir: ctx.config.dataDir,
    warn: (m) => ctx.io.err(`${m}\n`),
  };
}

/** `--out`: "-" is stdout, a path is a file, nothing is the default file. */
export function destination(out: string | undefined, force: boolean): ExportDestination {
  return out === '-'
    ? { kind: 'stdout' }
    : { kind: 'file', ...(out !== undefined ? { path: out } : {}), force };
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a session as md, json, html or txt',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseFlags(
      argv,
      {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        session: { type: 'string' },
        force: { type: 'boolean' },
        'no-redact': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      'export',
    );
    if (positionals.length > 1)
      throw new BatonError('invalid_input', 'export takes at most one session id or transcript path');
    const format = oneOf(values.format as string | undefined, EXPORT_FORMATS, '--format') ?? 'md';
    const outcome = await exportSession(exportEnv(ctx), {
      ref: (values.session as string | undefined) ?? positionals[0],
      format,
      to: destination(values.out as string | undefined, Boolean(values.force)),
      redact: !values['no-redact'],
    });
    const summary = values.json
      ? JSON.stringify({
          sessionId: outcome.meta.id,
          format,
          out: outcome.path ?? '-',
          totals: outcome.totals,
          redaction: outcome.redaction,
        })
      : describeExport(outcome);
    // With the export itself on stdout, the summary goes to stderr so pipes stay clean.
    if (outcome.path === null) ctx.io.err(`${summary}\n`);
    else ctx.io.out(`${summary}\n`);
    return 0;
  },
};
