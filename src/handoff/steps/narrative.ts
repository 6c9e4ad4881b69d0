// Step `narrative`: reads the model-written Markdown into the narrative sections; missing ones are marked (or fatal).
import { BatonError } from '../../core/errors.js';
import { parseNarrative } from '../../core/handoff/narrative.js';
import type { NarrativeOptions } from '../../core/routine/schema.js';
import type { HandoffRunContext, HandoffState } from '../types.js';

export async function runNarrative(
  opts: NarrativeOptions,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  const text = ctx.narrative ?? '';
  const parsed = parseNarrative(text, { maxSectionChars: opts.maxSectionChars });
  // Sections the routine does not ask for are dropped, not silently kept.
  for (const id of Object.keys(parsed.sections) as (keyof typeof parsed.sections)[]) {
    if (!opts.sections.includes(id)) delete parsed.sections[id];
  }
  state.narrative = parsed;
  state.warnings.push(...parsed.warnings.map((w) => `narrative: ${w}`));
  state.narrativeMissing = opts.sections.filter((id) => parsed.sections[id] === undefined);
  if (state.narrativeMissing.length > 0 && opts.missing === 'fail') {
    throw new BatonError(
      'invalid_input',
      `narrative: missing section(s) ${state.narrativeMissing.join(', ')}`,
    );
  }
  if (text.trim() === '') return 'none given: narrative sections are marked as not written';
  return state.narrativeMissing.length === 0 ? 'complete' : `missing: ${state.narrativeMissing.join(', ')}`;
}
