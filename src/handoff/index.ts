// Public surface of the handoff runner (CLI, MCP server): create, find/list/show, the routine runner itself.
export { createHandoff, type CreateHandoffOptions } from './create.js';
export { runRoutine, initialState } from './runner.js';
export { loadRoutine, type LoadedRoutine } from './load-routine.js';
export {
  findHandoff,
  listHandoffs,
  type FoundHandoff,
  type ListedHandoff,
  type FindContext,
} from './find.js';
export { currentProject, type CurrentProject } from './project.js';
export { resumeOffer } from './resume-offer.js';
export { readIndex, indexPath, handoffsDir } from './local-store.js';
export { defaultHandlers, type StepHandler, type StepHandlers } from './steps/index.js';
export type * from './types.js';
