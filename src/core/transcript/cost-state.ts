// Reads Claude Code's own running totals from a `cost-state` record (tokens per model and total cost, in USD).
import type { TokenTotals } from '../model/session.js';
import { count, isObj, type Obj } from './guards.js';

/** Claude Code's figure for the whole session so far, compaction calls and interrupted streams included. */
export interface CostState {
  tokens: TokenTotals;
  costUsd: number;
}

/**
 * The session's totals as Claude Code counts them (2.1.332: `totalCostUSD`, `modelUsage{inputTokens, outputTokens,
 * cacheReadInputTokens, cacheCreationInputTokens, costUSD}`), or undefined when the record lacks them.
 */
export function parseCostState(rec: Obj): CostState | undefined {
  const cost = rec.totalCostUSD;
  const models = rec.modelUsage;
  if (typeof cost !== 'number' || !Number.isFinite(cost) || cost < 0 || !isObj(models)) return undefined;
  const tokens: TokenTotals = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  for (const u of Object.values(models)) {
    if (!isObj(u)) continue;
    tokens.input += count(u.inputTokens);
    tokens.output += count(u.outputTokens);
    tokens.cacheRead += count(u.cacheReadInputTokens);
    tokens.cacheWrite += count(u.cacheCreationInputTokens);
  }
  return { tokens, costUsd: cost };
}
