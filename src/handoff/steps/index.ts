// The step registry: one handler per routine step kind.
import type { RoutineStep, StepKind } from '../../core/routine/schema.js';
import type { HandoffRunContext, HandoffState } from '../types.js';
import { runDeliver } from './deliver.js';
import { runGitFacts } from './git-facts.js';
import { runNarrative } from './narrative.js';
import { runPrint } from './print.js';
import { runRender } from './render.js';
import { runSessionFacts } from './session-facts.js';
import { runStore } from './store.js';
import { runSync } from './sync.js';

/** A handler returns a one-line note for the run report. Handlers of mutating steps honour ctx.dryRun themselves. */
export type StepHandler<K extends StepKind> = (
  options: Extract<RoutineStep, { kind: K }>['options'],
  state: HandoffState,
  ctx: HandoffRunContext,
) => Promise<string>;

export type StepHandlers = { [K in StepKind]: StepHandler<K> };

export const defaultHandlers: StepHandlers = {
  'git-facts': runGitFacts,
  'session-facts': runSessionFacts,
  narrative: runNarrative,
  render: runRender,
  store: runStore,
  deliver: runDeliver,
  sync: runSync,
  print: runPrint,
};
