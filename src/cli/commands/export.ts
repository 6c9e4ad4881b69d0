// `baton export`: writes a session as Markdown, JSON, self-contained HTML, plain text, PDF or Word, redacted by
// default.
import { BatonError } from '../../core/errors.js';
import { EXPORT_FORMATS, isDocumentFormat, type ExportFormat } from '../../core/export/index.js';
import {
  describeExport,
  exportSession,
  type ExportDestination,
  type ExportSessionEnv,
} from '../../export/export-session.js';
import { oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import type { CliContext } from '../invocation.js';

const HELP = `Usage: baton export [<session-id>|<transcript.jsonl>] [options]

Exports a Claude Code session. With no session given, exports the newest session of the current directory.

Options:
  --format, -f md|json|html|txt|pdf|docx
                                  output format (default: md)
  --out, -o FILE|-                where to write; "-" is stdout (default: ./session-<id>.<ext>)
  --session ID                    same as the positional session id
  --force                         overwrite an existing file
  --no-redact                     keep secrets as they are (redaction is on by default)
  --comments                      add each event's comments and reactions, read from the configured tracker
                                  (redacted like the rest); without a tracker that has the session, a warning
                                  is printed on stderr and the export is written without them (exit 0)
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
    tracker: ctx.config,
  };
}

/** `--out`: "-" is stdout, a path is a file, nothing is the default file. */
export function destination(out: string | undefined, force: boolean): ExportDestination {
  return out === '-'
    ? { kind: 'stdout' }
    : { kind: 'file', ...(out !== undefined ? { path: out } : {}), force };
}

export const exportCommand = defineCommand({
  name: 'export',
  summary: 'export a session as md, json, html, txt, pdf or docx',
  help: HELP,
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    session: { type: 'string' },
    force: { type: 'boolean' },
    'no-redact': { type: 'boolean' },
    comments: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { max: 1, tooMany: 'export takes at most one session id or transcript path' },
  async run({ values, positionals }, ctx) {
    const format = oneOf(values.format, EXPORT_FORMATS, '--format') ?? 'md';
    refuseBinaryToTerminal(format, values.out, ctx);
    const outcome = await exportSession(exportEnv(ctx), {
      ref: values.session ?? positionals[0],
      format,
      to: destination(values.out, Boolean(values.force)),
      redact: !values['no-redact'],
      comments: Boolean(values.comments),
    });
    const summary = values.json
      ? JSON.stringify({
          sessionId: outcome.meta.id,
          format,
          out: outcome.path ?? '-',
          totals: outcome.totals,
          redaction: outcome.redaction,
          ...(values.comments ? { comments: outcome.comments } : {}),
        })
      : describeExport(outcome);
    // With the export itself on stdout, the summary goes to stderr so pipes stay clean.
    if (outcome.path === null) ctx.io.err(`${summary}\n`);
    else ctx.io.out(`${summary}\n`);
    return 0;
  },
});

/** PDF and Word bytes on a terminal are garbage and can upset it: they need a file or a pipe. */
export function refuseBinaryToTerminal(format: ExportFormat, out: string | undefined, ctx: CliContext): void {
  if (out === '-' && isDocumentFormat(format) && ctx.io.isTty) {
    throw new BatonError(
      'invalid_input',
      `a ${format} export is binary: give --out FILE, or pipe stdout to a file or program`,
    );
  }
}
