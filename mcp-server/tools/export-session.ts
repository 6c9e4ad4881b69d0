// export_session: writes the current (or a given) session to a local file: Markdown, JSON, HTML, text, PDF or Word,
// redacted.
import { z } from 'zod';
import { describeExport, exportSession } from '../../src/export/export-session.js';
import { BatonError } from '../../src/core/errors.js';
import { EXPORT_FORMATS } from '../../src/core/export/index.js';
import { resolveLocalSession, SessionIdArg } from '../current-session.js';
import { defineTool } from '../define-tool.js';

const inputSchema = {
  sessionId: SessionIdArg,
  format: z
    .enum(EXPORT_FORMATS)
    .optional()
    .describe(
      'md (default), json (the full session model), html (self-contained page), txt, pdf or docx (Word).',
    ),
  out: z
    .string()
    .max(4096)
    .optional()
    .describe('File path, relative to the project directory (default ./session-<id>.<ext>).'),
  force: z.boolean().optional().describe('Overwrite the file if it exists.'),
  redact: z
    .boolean()
    .optional()
    .describe('Replace secrets with [REDACTED:<rule>] (default true). Only turn off when the user asks.'),
  comments: z
    .boolean()
    .optional()
    .describe(
      "Also write readers' comments and reactions from the tracker into the file (default false). Only when the " +
        'user asks. You get their count, never their text.',
    ),
};

const outputSchema = {
  sessionId: z.string(),
  path: z.string(),
  format: z.string(),
  turns: z.number(),
  toolCalls: z.number(),
  redacted: z.number(),
};

export const exportSessionTool = defineTool({
  name: 'export_session',
  title: 'Export session to a file',
  description:
    'Writes a Claude Code session (by default the current one) to a local file as Markdown, JSON, self-contained ' +
    'HTML, plain text, PDF or Word (docx), with secrets redacted. Nothing leaves the machine. Returns the file path.',
  input: inputSchema,
  output: outputSchema,
  // Destructive: with force it overwrites an existing file. Nothing leaves the machine.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, deps) {
    const ref = await resolveLocalSession(deps, args.sessionId);
    // stdout is the MCP wire: "-" would corrupt it.
    if (args.out === '-')
      throw new BatonError('invalid_input', 'out "-" (stdout) is not available here; give a file path');
    const warnings: string[] = [];
    const format = args.format ?? 'md';
    const outcome = await exportSession(
      {
        cwd: deps.cwd,
        claudeConfigDir: deps.config.claudeConfigDir,
        dataDir: deps.config.dataDir,
        warn: (m) => void warnings.push(m),
        tracker: deps.config,
      },
      {
        ref: ref.transcriptPath,
        format,
        to: { kind: 'file', ...(args.out ? { path: args.out } : {}), force: Boolean(args.force) },
        redact: args.redact ?? true,
        comments: args.comments ?? false,
      },
    );
    const text = [describeExport(outcome), ...warnings].join('\n');
    return {
      text,
      sessionId: outcome.meta.id,
      path: outcome.path!,
      format,
      turns: outcome.totals.turns,
      toolCalls: outcome.totals.toolCalls,
      redacted: outcome.redaction.total,
    };
  },
});
