// Step `render`: assigns the context id, builds the document and renders it (Markdown document or transfer prompt).
import { homedir } from 'node:os';
import { existsSync } from 'node:fs';
import { makeContextId } from '../../core/handoff/context-id.js';
import { renderDocument } from '../../core/handoff/render.js';
import type { RenderOptions } from '../../core/routine/schema.js';
import { createRedactor } from '../../core/redact/index.js';
import { buildDocument } from '../compose.js';
import { documentPath, projectKey, readIndex } from '../local-store.js';
import { createPathStripper, renderTransferPrompt } from '../transfer-prompt.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

function mainProject(state: HandoffState, ctx: HandoffRunContext): { name: string; root: string } {
  const main = state.git?.projects.find((p) => p.isMain) ?? state.git?.projects[0];
  return main
    ? { name: main.name, root: main.root }
    : { name: ctx.cwd.split(/[\\/]/).pop() || 'session', root: ctx.cwd };
}

/** Two handoffs in the same second with the same topic get `-2`, `-3`… instead of overwriting each other. */
function uniqueContextId(base: string, ctx: HandoffRunContext, key: string): string {
  const taken = new Set(readIndex(ctx.dataDir).entries.map((e) => e.contextId));
  let id = base;
  for (let n = 2; n < 1000 && (taken.has(id) || existsSync(documentPath(ctx.dataDir, key, id))); n++)
    id = `${base}-${n}`;
  return id;
}

export async function runRender(
  opts: RenderOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  const main = mainProject(state, ctx);
  const topic = ctx.topic?.trim() || main.name;
  const contextId = uniqueContextId(
    makeContextId(topic, ctx.now, main.name),
    ctx,
    projectKey(main.name, main.root),
  );
  const redactor = createRedactor({ enabled: ctx.redact });
  const redact = (s: string) => redactor.redactText(s);
  const strip = createPathStripper(
    (state.git?.projects ?? []).map((p) => ({ root: p.root, name: p.name })),
    ctx.env.HOME || homedir(),
  );
  const transfer = opts.template === 'transfer-prompt';
  // The stored document always keeps every section; the transfer prompt picks and orders its own.
  const doc = buildDocument(
    state,
    ctx,
    contextId,
    topic,
    transfer ? [...new Set([...opts.sections, 'nextSteps' as const])] : opts.sections,
    {
      stripLocalPaths: opts.stripLocalPaths,
    },
    redact,
  );
  state.contextId = contextId;
  state.document = doc;
  state.template = opts.template;
  state.text = transfer ? renderTransferPrompt(doc, opts, strip) : renderDocument(doc);
  const redacted = redactor.report().total;
  if (redacted > 0)
    state.warnings.push(`redacted ${redacted} secret${redacted === 1 ? '' : 's'} from the handoff`);
  return `${opts.template} ${contextId} (${state.text.length} chars)`;
}
