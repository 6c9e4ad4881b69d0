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
  if (ctx.dryRun) {
    lines.push(`Dry run for handoff ${id}: nothing was written or sent.`);
    if (state.plan.length > 0) lines.push('Would:', ...state.plan.map((p) => `  - ${p}`));
  } else if (show.includes('location')) {
    lines.push(`Handoff ${id} ${state.template === 'transfer-prompt' ? 'prepared' : 'saved'}.`);
    if (o.localFile) lines.push(`  Local:     ${o.localFile}`);
    if (o.repoFile) lines.push(`  In repo:   ${o.repoFile}`);
    if (o.clipboard) lines.push(`  Clipboard: copied (${o.clipboard}); paste it into claude.ai`);
    if (o.transferFile) lines.push(`  File:      ${o.transferFile}`);
    if (o.sync)
      lines.push(
        `  Tracker:   ${o.sync.status === 'synced' ? `${o.sync.message} (id ${o.sync.id})` : o.sync.message}`,
      );
  }
  if (state.template === 'document') {
    lines.push(
      state.narrativeMissing.length === 0
        ? '  Narrative: complete'
        : `  Narrative: not written for ${state.narrativeMissing.join(', ')} (marked as such in the document)`,
    );
  }
  if (show.includes('resume') && state.template === 'document') {
    if (state.sessionId) lines.push(`Resume this session: ${resumeCommand(state.sessionId, ctx.cwd)}`);
    lines.push(`Load it in a new session: /baton:start ${id}   (or: baton handoff show ${id})`);
  }
  if ((show.includes('document') || ctx.dryRun) && state.text !== null && !o.printedText) {
    lines.push('', state.text.trimEnd());
  }
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
