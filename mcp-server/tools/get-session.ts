// get_session: a session's summary and its most recent turns, from this machine's transcript or the tracker.
import { z } from 'zod';
import { renderDigest } from '../session-digest.js';
import { sessionDigest } from '../session-lookup.js';
import { SessionIdArg } from '../current-session.js';
import { defineTool } from '../define-tool.js';

const inputSchema = {
  sessionId: SessionIdArg,
  turns: z.number().int().min(1).max(20).optional().describe('How many recent turns to include (default 3).'),
};

const Turn = z.object({
  index: z.number(),
  prompt: z.string(),
  tools: z.array(z.string()),
  reply: z.string(),
});
const outputSchema = {
  sessionId: z.string(),
  source: z.enum(['local', 'tracker']),
  title: z.string().nullable(),
  project: z.string().nullable(),
  cwd: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  turns: z.number(),
  toolCalls: z.number(),
  tokens: z.number(),
  costUsd: z.number().nullable(),
  durationMs: z.number(),
  filesTouched: z.array(z.string()),
  recent: z.array(Turn),
  url: z.string().optional(),
};

export const getSessionTool = defineTool({
  name: 'get_session',
  title: 'Get session summary',
  description:
    "Returns a Claude Code session's summary (title, project, turns, tools, tokens, cost, duration, files touched) " +
    'and its last few turns (prompt, tools used, final reply), redacted. Reads the transcript on this machine when ' +
    'it is here, else the copy on the Baton tracker.',
  input: inputSchema,
  output: outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, deps) {
    const d = await sessionDigest(deps, args.sessionId, args.turns ?? 3);
    return { text: `${renderDigest(d)}${d.url ? `\n\nOn the tracker: ${d.url}` : ''}`, ...d };
  },
});
