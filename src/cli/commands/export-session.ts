// Backend of the /export-session slash command: never fails the command, always prints a report for the model.
import { BatonError } from '../../core/errors.js';
import { EXPORT_FORMATS, isDocumentFormat } from '../../core/export/index.js';
import { oneOf, parseFlags } from '../args.js';
import type { CliCommand } from '../command.js';
import { describeError } from '../program.js';
import { describeExport, exportSession } from '../../export/export-session.js';
import { destination, exportEnv } from './export.js';
import { runSlashLive } from '../live/slash-live.js';
import { Visibility } from '../../core/api/common.js';
import { runSlashCapture, runSlashPush } from '../push/slash-actions.js';
import { selfCommand } from '../push/self-command.js';

const HELP = `Usage: baton export-session --session ID [--cwd DIR] -- [<slash-command arguments>]

Used by /baton:export-session inside Claude Code. It always exits 0 (a failing !\`…\` aborts the slash
command) and prints a short report for the model: where the export went, or what to ask the user.

Slash-command arguments:
  --format md|json|html|txt|pdf|docx   --out FILE   --force   --no-redact   --comments
  --live [stop] [--discard-on-end]   stream this session live (prints the viewer URL), or end the stream
  --push [--post-id ID] [--title T] [--visibility private|unlisted|public]   publish it to the tracker
  --pause | --resume-capture   stop / restart capture and upload of this session
  (no arguments: ask the user where the session should go)
`;

export const ASK_USER_MARKER = 'BATON_ASK_USER';

function askUserReport(run: string, sessionId: string | undefined, trackerUrl?: string): string {
  return [
    `${ASK_USER_MARKER}: no flags were given, so ask the user where this session should go.`,
    'Use the AskUserQuestion tool with one question, "Where should this session go?", and these options:',
    '1. "Save locally" (Markdown, JSON, HTML, text, PDF or Word file in the project directory)',
    '2. "Push to tracker (new post)"',
    '3. "Push to tracker (existing post)"',
    'Then act on the answer:',
    `- Save locally: ask which format if unclear, then run \`${run} export ${sessionId ?? ''} --format <${EXPORT_FORMATS.join('|')}>\` with Bash and report the path it prints.`,
    ...pushInstructions(run, sessionId, trackerUrl),
  ].join('\n');
}

function pushInstructions(
  run: string,
  sessionId: string | undefined,
  trackerUrl: string | undefined,
): string[] {
  if (!trackerUrl) {
    return [
      '- Push to tracker (either option): no tracker is configured. Say so and that `baton login --url <tracker URL> --key <API key>` sets one up; offer to save locally instead.',
    ];
  }
  const push = `${run} push ${sessionId ?? ''}`;
  return [
    `- Push to tracker (new post): ask whether it should be private, unlisted (anyone with the link) or public, then run \`${push} --visibility <choice>\` with Bash and give the user the URL it prints.`,
    `- Push to tracker (existing post): ask for the post id (the last part of its URL), then run \`${push} --post-id <id>\` with Bash and give the user the URL it prints.`,
    `  (The tracker is ${trackerUrl}.)`,
  ];
}

export const exportSessionCommand: CliCommand = {
  name: 'export-session',
  summary: 'backend of the /export-session slash command',
  help: HELP,
  async run(argv, ctx) {
    try {
      // Our own flags come before "--"; the user's slash-command arguments after it.
      const split = argv.indexOf('--');
      const own = parseFlags(
        split === -1 ? argv : argv.slice(0, split),
        { session: { type: 'string' }, cwd: { type: 'string' } },
        'export-session',
      ).values;
      const { values, positionals } = parseFlags(
        split === -1 ? [] : argv.slice(split + 1),
        {
          format: { type: 'string', short: 'f' },
          out: { type: 'string', short: 'o' },
          force: { type: 'boolean' },
          'no-redact': { type: 'boolean' },
          comments: { type: 'boolean' },
          live: { type: 'boolean' },
          'discard-on-end': { type: 'boolean' },
          push: { type: 'boolean' },
          'post-id': { type: 'string' },
          title: { type: 'string' },
          visibility: { type: 'string' },
          pause: { type: 'boolean' },
          'resume-capture': { type: 'boolean' },
        },
        'export-session',
      );
      const sessionId = nonEmpty(own.session);
      // --cwd is ${CLAUDE_PROJECT_DIR}: the project the slash command runs in, for every action below.
      const cwd = nonEmpty(own.cwd);
      const here = cwd ? { ...ctx, io: { ...ctx.io, cwd } } : ctx;
      if (values.live || values['discard-on-end']) {
        const stop = positionals[0] === 'stop';
        if (positionals.length > (stop ? 1 : 0))
          throw new BatonError(
            'invalid_input',
            `unexpected argument "${positionals[stop ? 1 : 0]}" (use --live, --live stop or --live --discard-on-end)`,
          );
        ctx.io.out(
          `${await runSlashLive(ctx, { sessionId, ...(cwd ? { cwd } : {}), stop, discardOnEnd: Boolean(values['discard-on-end']) })}\n`,
        );
        return 0;
      }
      if (values.pause || values['resume-capture']) {
        if (values.pause && values['resume-capture'])
          throw new BatonError('invalid_input', 'give --pause or --resume-capture, not both');
        ctx.io.out(`${await runSlashCapture(here, { sessionId, pause: Boolean(values.pause) })}\n`);
        return 0;
      }
      if (values.push || values['post-id'] || values.visibility || values.title) {
        if (positionals.length > 0)
          throw new BatonError('invalid_input', `unexpected argument "${positionals[0]}"`);
        try {
          const report = await runSlashPush(here, {
            sessionId,
            postId: values['post-id'],
            title: values.title,
            visibility: oneOf(values.visibility, Visibility.options, '--visibility'),
            redact: !values['no-redact'],
          });
          ctx.io.out(`${report}\n`);
        } catch (err) {
          ctx.io.out(`BATON_EXPORT_FAILED: ${describeError(err)}\n`);
        }
        return 0;
      }
      const flagsGiven = (['format', 'out', 'force', 'no-redact', 'comments'] as const).some(
        (k) => values[k] !== undefined,
      );
      if (!flagsGiven && positionals.length === 0) {
        ctx.io.out(`${askUserReport(selfCommand(ctx.io.env), sessionId, ctx.config.trackerUrl)}\n`);
        return 0;
      }
      if (positionals.length > 0) {
        throw new BatonError('invalid_input', `unexpected argument "${positionals[0]}"`);
      }
      const format = oneOf(values.format, EXPORT_FORMATS, '--format') ?? 'md';
      // The report goes to the model on stdout: a PDF or Word file must go to a file, never there.
      if (values.out === '-' && isDocumentFormat(format))
        throw new BatonError('invalid_input', `a ${format} export is binary: give --out FILE, not "-"`);
      // Warnings (comments not available, redaction off) ride in the report, so the user hears them.
      const warnings: string[] = [];
      const outcome = await exportSession(
        { ...exportEnv(here), warn: (m) => void warnings.push(m) },
        {
          ref: sessionId,
          format,
          to: destination(values.out, Boolean(values.force)),
          redact: !values['no-redact'],
          comments: Boolean(values.comments),
        },
      );
      ctx.io.out(`BATON_EXPORT_OK: ${[describeExport(outcome), ...warnings].join('\n')}\n`);
    } catch (err) {
      ctx.io.out(`BATON_EXPORT_FAILED: ${describeError(err)}\n`);
    }
    return 0;
  },
};

/** Claude Code leaves an unknown `${VAR}` as-is; treat that like a missing value. */
function nonEmpty(value: string | undefined): string | undefined {
  if (value === undefined || value === '' || value.startsWith('${')) return undefined;
  return value;
}
