// Step `print`: tells the user where the handoff went, whether the tracker has it, and the exact resume command.
import type { PrintOptions } from '../../core/routine/schema.js';
import { resumeCommand } from '../format.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

export function describeOutcome(
  state: HandoffState,
  ctx: HandoffRunContext,
  show: PrintOptions['show'],
): string {
  const lines: string[] = [];
  const id = state.contextId ?? '(no context id)';
  const o = state.outputs;
  const isDocument = state.template === 'document';
  const narrative =
    state.narrativeMissing.length === 0
      ? 'complete'
      : `not written for ${state.narrativeMissing.join(', ')} (marked as such in the document)`;
  if (ctx.dryRun) {
    lines.push(`Dry run for handoff ${id}: nothing was written or sent.`);
    if (state.plan.length > 0) lines.push('It would:', ...state.plan.map((p) => `  - ${p}`));
    if (isDocument) lines.push(`Narrative: ${narrative}`);
    if (state.text !== null) lines.push('', 'Preview:', '', state.text.trimEnd());
    return `${lines.join('\n')}\n`;
  }
  if (show.includes('location')) {
    lines.push(`Handoff ${id} ${isDocument ? 'saved' : 'prepared'}.`);
    if (o.localFile) lines.push(`  Local:     ${o.localFile}`);
    if (o.repoFile) lines.push(`  In repo:   ${o.repoFile}`);
    if (o.clipboard) lines.push(`  Clipboard: copied (${o.clipboard}); paste it into claude.ai`);
    if (o.transferFile) lines.push(`  File:      ${o.transferFile}`);
    if (o.sync) {
      lines.push(
        `  Tracker:   ${o.sync.status === 'synced' ? `${o.sync.message} (id ${o.sync.id})` : o.sync.message}`,
      );
    }
    if (isDocument) lines.push(`  Narrative: ${narrative}`);
  }
  if (show.includes('resume') && isDocument) {
    if (state.sessionId) lines.push(`Resume this session: ${resumeCommand(state.sessionId, ctx.cwd)}`);
    lines.push(`Load it in a new session: /baton:start ${id}   (or: baton handoff show ${id})`);
  }
  if (show.includes('document') && state.text !== null && !o.printedText)
    lines.push('', state.text.trimEnd());
  return `${lines.join('\n')}\n`;
}

export async function runPrint(
  opts: PrintOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  ctx.out(describeOutcome(state, ctx, opts.show));
  return 'printed';
}
