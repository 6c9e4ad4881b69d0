// Runs a routine step by step: each step's handler gets its options, the shared state and the run context.
import { BatonError, isBatonError } from '../core/errors.js';
import type { RoutineStep } from '../core/routine/schema.js';
import { defaultHandlers, type StepHandlers } from './steps/index.js';
import type { HandoffRunContext, HandoffRunResult, HandoffState, StepReport } from './types.js';

export function initialState(): HandoffState {
  return {
    sessionId: null,
    sessionNote: null,
    session: null,
    git: null,
    narrative: null,
    narrativeMissing: [],
    contextId: null,
    document: null,
    text: null,
    template: null,
    outputs: {},
    warnings: [],
    plan: [],
  };
}

function runStep(
  step: RoutineStep,
  handlers: StepHandlers,
  state: HandoffState,
  ctx: HandoffRunContext,
): Promise<string> {
  // The union of handlers cannot be indexed generically without this one cast; kinds and options match by schema.
  const handler = handlers[step.kind] as (
    o: unknown,
    s: HandoffState,
    c: HandoffRunContext,
  ) => Promise<string>;
  return handler(step.options, state, ctx);
}

/**
 * Steps run in routine order. A failing step stops the run with `step "<id>" (<kind>) failed: …`, unless the step
 * says `onError: "warn"`, in which case the failure becomes a warning and the run goes on.
 */
export async function runRoutine(
  ctx: HandoffRunContext,
  handlers: StepHandlers = defaultHandlers,
  state: HandoffState = initialState(),
): Promise<HandoffRunResult> {
  const steps: StepReport[] = [];
  for (const step of ctx.routine.steps) {
    if (!step.enabled) {
      steps.push({ id: step.id, kind: step.kind, status: 'skipped', note: 'disabled' });
      continue;
    }
    try {
      const note = await runStep(step, handlers, state, ctx);
      steps.push({
        id: step.id,
        kind: step.kind,
        status: ctx.dryRun && note.startsWith('dry run') ? 'planned' : 'done',
        note,
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (step.onError === 'warn') {
        state.warnings.push(`step "${step.id}" (${step.kind}): ${message}`);
        steps.push({ id: step.id, kind: step.kind, status: 'warned', note: message });
        continue;
      }
      throw new BatonError(
        isBatonError(err) ? err.code : 'internal',
        `step "${step.id}" (${step.kind}) failed: ${message}`,
        {
          cause: err,
          details: { step: step.id, kind: step.kind, completed: steps },
        },
      );
    }
  }
  return { state, steps };
}
