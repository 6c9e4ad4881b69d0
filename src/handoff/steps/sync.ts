// Step `sync`: sends the document to the tracker's handoff API when one is configured (and says so when not).
import { BatonError } from '../../core/errors.js';
import type { SyncOptions } from '../../core/routine/schema.js';
import { updateIndexEntry } from '../local-store.js';
import { createEgressGate } from '../../core/egress/index.js';
import { pushHandoff } from '../tracker-sync.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

export async function runSync(
  opts: SyncOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  if (opts.when === 'never') {
    state.outputs.sync = { status: 'skipped', message: 'tracker sync is off in this routine' };
    return state.outputs.sync.message;
  }
  if (!ctx.tracker) {
    if (opts.when === 'required')
      throw new BatonError('config', 'sync: no tracker configured (set BATON_URL and BATON_API_KEY)');
    state.outputs.sync = { status: 'not-configured', message: 'no tracker configured: kept local only' };
    return state.outputs.sync.message;
  }
  if (!state.document || state.text === null)
    throw new BatonError('invalid_input', 'sync needs a rendered document before it');
  if (!state.sessionId) {
    state.outputs.sync = {
      status: 'skipped',
      message: 'not synced: the tracker files handoffs under a session id, and none is known',
    };
    if (opts.when === 'required') throw new BatonError('invalid_input', state.outputs.sync.message);
    return state.outputs.sync.message;
  }
  const meta = state.document.meta;
  // The document was redacted as it was rendered; the gate still cuts <private> spans and re-checks every string.
  const body = createEgressGate({ redact: ctx.redact }).body({
    sessionId: state.sessionId,
    project: meta.projects[0]?.name,
    cwd: ctx.cwd,
    title: state.document.title.slice(0, 300),
    markdown: state.text,
    frontmatter: JSON.parse(JSON.stringify(meta)) as Record<string, unknown>,
  });
  if (ctx.dryRun) {
    state.plan.push(
      `POST ${ctx.tracker.url}/api/v1/handoffs (${state.text.length} chars, session ${state.sessionId})`,
    );
    state.outputs.sync = { status: 'skipped', message: 'dry run: not sent' };
    return 'dry run: not sent';
  }
  try {
    const res = await pushHandoff(ctx.tracker, body, opts.timeoutMs);
    state.outputs.sync = {
      status: 'synced',
      message: `synced to ${ctx.tracker.url}`,
      id: res.id,
      url: res.url,
    };
    if (state.outputs.localFile) updateIndexEntry(ctx.dataDir, meta.contextId, { trackerId: res.id });
    return `${state.outputs.sync.message} (${res.id})`;
  } catch (err) {
    state.outputs.sync = { status: 'failed', message: `sync failed: ${(err as Error).message}` };
    throw err;
  }
}
