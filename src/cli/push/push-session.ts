// `baton push` and `/export-session --push`: publish one session (new post, or added to a post) and return URLs.
import type { Visibility } from '../../core/api/index.js';
import type { CliContext } from '../invocation.js';
import { resolveTranscript } from '../../export/resolve-transcript.js';
import { withClient } from '../tracker/require-client.js';
import { openEgressGate } from '../../capture/session/egress.js';
import { describeRedaction } from '../../core/egress/index.js';
import type { RedactionReport } from '../../core/model/session.js';
import { prepareSession } from '../../export/prepare-session.js';
import { uploadSession } from '../../export/upload-session.js';

export interface PushInput {
  ref?: string;
  postId?: string;
  title?: string;
  visibility?: Visibility;
  redact?: boolean;
}

export interface PushOutcome {
  sessionId: string;
  url: string;
  postId?: string;
  postUrl?: string;
  events: number;
  /** The new post's visibility (private unless chosen); undefined when added to an existing post. */
  visibility?: Visibility;
  redacted: number;
  redaction: RedactionReport;
  redacting: boolean;
}

export async function pushSession(ctx: CliContext, input: PushInput): Promise<PushOutcome> {
  const transcript = await resolveTranscript(input.ref, {
    cwd: ctx.io.cwd,
    claudeConfigDir: ctx.claudeConfigDir,
  });
  const gate = openEgressGate({
    dataDir: ctx.config.dataDir,
    redact: input.redact !== false && ctx.config.redact,
  });
  const { session, redaction } = await prepareSession(gate, transcript);
  // Only an explicit choice changes visibility: pushing again must not make a shared session private.
  const visibility = input.visibility ?? 'private';
  const res = await withClient(ctx, (c) =>
    uploadSession(
      c,
      gate,
      session,
      {
        ...(input.postId ? { postId: input.postId } : { createPost: true }),
        ...(input.title ? { title: input.title } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
      },
      { transcriptPath: transcript },
    ),
  );
  return {
    sessionId: res.sessionId,
    url: res.url,
    ...(res.postId ? { postId: res.postId } : {}),
    ...(res.postUrl ? { postUrl: res.postUrl } : {}),
    events: res.eventCount,
    ...(input.postId ? (input.visibility ? { visibility: input.visibility } : {}) : { visibility }),
    redacted: redaction.total,
    redaction,
    redacting: gate.redacting,
  };
}

export function describePush(o: PushOutcome): string {
  const where = o.postUrl ?? o.url;
  const note =
    o.visibility === 'private'
      ? ' (private: only you, signed in, can open it; --visibility unlisted makes a shareable link)'
      : '';
  // After a space: a URL is the last word people (and models) copy, so nothing may stick to it.
  const secrets = ` — ${describeRedaction(o.redaction, o.redacting)}`;
  return `Pushed session ${o.sessionId} (${o.events} events) to ${where}${note}${secrets}`;
}
