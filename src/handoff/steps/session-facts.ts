// Step `session-facts`: finds this session's transcript and summarizes it (missing transcript: noted, or fatal if required).
import { BatonError } from '../../core/errors.js';
import type { SessionFactsOptions } from '../../core/routine/schema.js';
import { dirname, resolve } from 'node:path';
import { encodeProjectDir, findTranscriptById, newestTranscript } from '../../core/transcript/index.js';
import { openEgressGate } from '../../capture/session/egress.js';
import { summarizeSession } from '../session-summary.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

/** `--session` wins; inside Claude Code, its Bash tool exports CLAUDE_CODE_SESSION_ID; else the cwd's newest transcript. */
export function requestedSessionId(ctx: Pick<HandoffRunContext, 'sessionId' | 'env'>): string | null {
  // A placeholder Claude Code did not substitute (`${CLAUDE_SESSION_ID}`) counts as not given.
  const usable = (v: string | undefined) => (v && v.trim() !== '' && !v.includes('${') ? v.trim() : null);
  return usable(ctx.sessionId) ?? usable(ctx.env.CLAUDE_CODE_SESSION_ID);
}

/** The newest transcript of cwd's project, or of the nearest parent directory Claude Code was started in. */
async function newestForDir(ctx: HandoffRunContext): Promise<string | null> {
  let dir = resolve(ctx.cwd);
  for (let i = 0; i < 32; i++) {
    const newest = await newestTranscript(ctx.claudeConfigDir, dir);
    // newestTranscript falls back to any project: another project's session must never be handed off as this one.
    if (newest && newest.projectDir === encodeProjectDir(dir)) return newest.path;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

async function locate(ctx: HandoffRunContext, id: string | null): Promise<string | null> {
  if (id !== null) return findTranscriptById(id, ctx.claudeConfigDir);
  return newestForDir(ctx);
}

export async function runSessionFacts(
  opts: SessionFactsOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  const id = requestedSessionId(ctx);
  state.sessionId = id;
  const path = await locate(ctx, id);
  if (path === null) {
    const why =
      id !== null
        ? `no transcript for session ${id} under ${ctx.claudeConfigDir}/projects`
        : `no Claude Code transcript for ${ctx.cwd} under ${ctx.claudeConfigDir}/projects`;
    if (opts.required) throw new BatonError('not_found', why);
    state.sessionNote = why;
    return `unavailable: ${why}`;
  }
  // A handoff is written to a file, synced and pasted elsewhere: the session is read through the egress gate.
  const session = await openEgressGate({ dataDir: ctx.dataDir, redact: ctx.redact }).loadSession(path);
  state.session = summarizeSession(session, path, opts);
  state.sessionId = state.session.sessionId;
  return `session ${state.session.sessionId}: ${state.session.turns} turns, ${state.session.toolCalls} tool calls`;
}
