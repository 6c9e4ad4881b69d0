// The tracker pages' display styles. The rules themselves live in src/core/format, shared with the plugin.
import { formatCost as formatCostAs } from '../../src/core/format/cost.js';
import { formatCount as formatCountAs } from '../../src/core/format/count.js';
import { formatDuration as formatDurationAs } from '../../src/core/format/duration.js';

export { formatDate } from '../../src/core/format/date.js';
export { totalTokens } from '../../src/core/format/count.js';

/** `3m 20s`, `2h 5m`; nothing is `0s`. */
export function formatDuration(ms: number | null | undefined): string {
  return formatDurationAs(ms, 'compact');
}

/** `12k`, `1.3M`: cards are narrow. */
export function formatCount(n: number | null | undefined): string {
  return formatCountAs(n, 'abbreviated');
}

/** The same amount as exports and the CLI (`$0.0025`, `$0.42`): the rule is in core/format/cost.ts. */
export function formatCost(usd: number | null | undefined): string {
  return formatCostAs(usd, 'cents');
}
