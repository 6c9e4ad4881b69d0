// Step `deliver`: hands a rendered prompt over: clipboard when a tool exists, a file, and stdout when not copied.
import { join } from 'node:path';
import { BatonError } from '../../core/errors.js';
import type { DeliverOptions } from '../../core/routine/schema.js';
import { copyToClipboard, findClipboardTool } from '../clipboard.js';
import { writeFileAtomic } from '../../core/fs/write-atomic.js';
import { handoffsDir } from '../local-store.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

export async function runDeliver(
  opts: DeliverOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  if (state.text === null || state.contextId === null)
    throw new BatonError('invalid_input', 'deliver needs a render step before it');
  const file = join(handoffsDir(ctx.dataDir), 'transfer', `${state.contextId}.txt`);
  const tool = opts.clipboard ? findClipboardTool(ctx.env) : null;
  if (ctx.dryRun) {
    if (tool) state.plan.push(`copy ${state.text.length} chars to the clipboard with ${tool.name}`);
    if (opts.file || !tool) state.plan.push(`write ${file}`);
    return 'dry run: nothing delivered';
  }
  const notes: string[] = [];
  if (tool) {
    const r = await copyToClipboard(tool, state.text, ctx.env);
    if (r.ok) {
      state.outputs.clipboard = tool.name;
      notes.push(`copied with ${tool.name}`);
    } else {
      state.warnings.push(`clipboard (${tool.name}) failed: ${r.error}`);
    }
  }
  // Without a clipboard the file is the only way out, whatever the option says.
  if (opts.file || !state.outputs.clipboard) {
    writeFileAtomic(file, state.text);
    state.outputs.transferFile = file;
    notes.push(`wrote ${file}`);
  }
  if (opts.print === 'always' || (opts.print === 'no-clipboard' && !state.outputs.clipboard)) {
    ctx.out(state.text.endsWith('\n') ? state.text : `${state.text}\n`);
    state.outputs.printedText = true;
    notes.push('printed');
  }
  return notes.join(', ');
}
