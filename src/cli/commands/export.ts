// `baton export`: writes a session as Markdown, JSON, self-contained HTML or plain text, redacted by default.
import { join, resolve } from 'node:path';
import { BatonError } from '../../core/errors.js';
import { EXPORT_FORMATS, formatExtension, type ExportFormat } from '../../core/export/index.js';
import { openEgressGate } from '../../capture/egress.js';
import { describeRedaction } from '../../core/egress/index.js';
import { exportTranscript, type ExportResult } from '../../core/pipeline/export-transcript.js';
import { oneOf, parseFlags } from '../args.js';
import type { CliCommand } from '../command.js';
import type { CliContext } from '../context.js';
import { fileSink, stdoutSink } from '../file-sink.js';
import { resolveTranscript } from '../resolve-session.js';

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

export interface ExportOutcome extends ExportResult {
  out: string;
  format: ExportFormat;
  /** False with --no-redact: the outcome line then warns instead of counting. */
  redacting: boolean;
}

export async function runExport(
  ctx: CliContext,
  input: { ref?: string; format: ExportFormat; out?: string; force: boolean; redact: boolean },
): Promise<ExportOutcome> {
  const transcript = await resolveTranscript(input.ref, {
    cwd: ctx.io.cwd,
    claudeConfigDir: ctx.claudeConfigDir,
  });
  if (!input.redact)
    ctx.io.err('warning: redaction is off (--no-redact): secrets in this session are written as-is\n');
  const toStdout = input.out === '-';
  let out = input.out;
  if (out === undefined) {
    const id = transcript
      .replace(/^.*\//, '')
      .replace(/\.jsonl$/, '')
      .slice(0, 8);
    out = join(ctx.io.cwd, `session-${id}.${formatExtension(input.format)}`);
  } else if (!toStdout) {
    out = resolve(ctx.io.cwd, out);
  }
  const sink = toStdout ? stdoutSink() : fileSink(out, { force: input.force });
  try {
    const gate = openEgressGate({ dataDir: ctx.config.dataDir, redact: input.redact });
    const result = await exportTranscript(transcript, input.format, (c) => sink.write(c), gate);
    sink.commit();
    return { ...result, out: toStdout ? '-' : out, format: input.format, redacting: input.redact };
  } catch (err) {
    sink.abort();
    throw err;
  }
}

export function describeOutcome(o: ExportOutcome): string {
  const where = o.out === '-' ? 'stdout' : o.out;
  const redacted = `; ${describeRedaction(o.redaction, o.redacting)}`;
  return `Exported session ${o.meta.id} (${o.totals.turns} turns, ${o.totals.toolCalls} tool calls) as ${o.format} to ${where}${redacted}`;
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
    const outcome = await runExport(ctx, {
      ref: (values.session as string | undefined) ?? positionals[0],
      format,
      out: values.out as string | undefined,
      force: Boolean(values.force),
      redact: !values['no-redact'],
    });
    const summary = values.json
      ? JSON.stringify({
          sessionId: outcome.meta.id,
          format,
          out: outcome.out,
          totals: outcome.totals,
          redaction: outcome.redaction,
        })
      : describeOutcome(outcome);
    // With the export itself on stdout, the summary goes to stderr so pipes stay clean.
    if (outcome.out === '-') ctx.io.err(`${summary}\n`);
    else ctx.io.out(`${summary}\n`);
    return 0;
  },
};
