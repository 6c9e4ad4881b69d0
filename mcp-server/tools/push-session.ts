// push_session: uploads the current (or a given) session to the tracker, redacted, optionally as or into a post.
import { z } from 'zod';
import { openEgressGate } from '../../src/capture/session/egress.js';
import { describeRedaction } from '../../src/core/egress/index.js';
import { BatonError } from '../../src/core/errors.js';
import { prepareSession } from '../../src/export/prepare-session.js';
import { uploadSession } from '../../src/export/upload-session.js';
import { resolveLocalSession, SessionIdArg } from '../current-session.js';
import { defineTool } from '../define-tool.js';
import { requireTracker } from '../tracker.js';

const inputSchema = {
  sessionId: SessionIdArg.describe('The session to push; omit (or "current") for the session you are in.'),
  createPost: z.boolean().optional().describe('Also create a new shareable post holding the session.'),
  postId: z
    .string()
    .max(100)
    .optional()
    .describe('Add the session to this existing post instead (not with createPost).'),
  title: z.string().min(1).max(300).optional().describe('Title for the session (and the new post).'),
  visibility: z
    .enum(['private', 'unlisted', 'public'])
    .optional()
    .describe('private: only the user; unlisted: anyone with the link; public: listed.'),
};

const outputSchema = {
  sessionId: z.string(),
  url: z.string(),
  postId: z.string().optional(),
  postUrl: z.string().optional(),
  eventsInserted: z.number(),
  eventCount: z.number(),
  redacted: z.number(),
};

export const pushSessionTool = defineTool({
  name: 'push_session',
  title: 'Push session to tracker',
  description:
    'Uploads a Claude Code session (by default the current one, as it stands now) to the Baton tracker, with ' +
    'secrets redacted first. Pushing again updates it without duplicating anything. With createPost it also ' +
    'creates a shareable post; with postId it adds the session to an existing post. Returns the URLs.',
  input: inputSchema,
  output: outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, deps) {
    if (args.postId && args.createPost)
      throw new BatonError('invalid_input', 'give postId or createPost, not both');
    const client = requireTracker(deps);
    const ref = await resolveLocalSession(deps, args.sessionId);
    // The same gate and upload as every other push: pauses recorded on this machine, <private> spans, redaction;
    // the transcript's lines ride along (chunked ahead of the push when the session is too big for one body).
    const gate = openEgressGate({ dataDir: deps.config.dataDir, redact: deps.config.redact });
    const { session } = await prepareSession(gate, ref.transcriptPath);
    const res = await uploadSession(
      client,
      gate,
      session,
      {
        source: 'cli-upload',
        ...(args.postId ? { postId: args.postId } : args.createPost ? { createPost: true } : {}),
        ...(args.title ? { title: args.title } : {}),
        ...(args.visibility ? { visibility: args.visibility } : {}),
      },
      { transcriptPath: ref.transcriptPath },
    );
    const redaction = gate.report();
    const redacted = redaction.total;
    const lines = [
      `Pushed session ${res.sessionId} (${res.eventCount} events, ${res.eventsInserted} new): ${res.url}`,
      ...(res.postUrl ? [`Post: ${res.postUrl}${res.postId ? ` (post id ${res.postId})` : ''}`] : []),
      `Redaction: ${describeRedaction(redaction, gate.redacting)}.`,
    ];
    return {
      text: lines.join('\n'),
      sessionId: res.sessionId,
      url: res.url,
      ...(res.postId ? { postId: res.postId } : {}),
      ...(res.postUrl ? { postUrl: res.postUrl } : {}),
      eventsInserted: res.eventsInserted,
      eventCount: res.eventCount,
      redacted,
    };
  },
});
