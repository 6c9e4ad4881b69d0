// The one cost formatter: estimated USD, in the style each surface already shows.

/**
 * - `precise`: exports. Four decimals under a dollar (`$0.0025`), so a cheap session still shows what it cost;
 *   unknown pricing is `unknown`.
 * - `cents`: tracker pages. Whole cents, with `<$0.01` for a non-zero amount that would round to nothing; a missing
 *   cost is `n/a`.
 * - `dollars`: handoff documents and MCP digests. Always two decimals; callers decide what a missing cost shows.
 * The tracker's `<$0.01` and the export's `$0.0025` differ on purpose for now (issue #11 kept what users see; a later
 * issue decides which one wins).
 */
export type CostStyle = 'precise' | 'cents' | 'dollars';

export function formatCost(usd: number | null | undefined, style: CostStyle): string {
  switch (style) {
    case 'precise':
      if (usd === null || usd === undefined) return 'unknown';
      return `$${usd < 1 ? usd.toFixed(4) : usd.toFixed(2)}`;
    case 'cents':
      if (usd === null || usd === undefined) return 'n/a';
      return usd < 0.01 && usd > 0 ? '<$0.01' : `$${usd.toFixed(2)}`;
    case 'dollars':
      if (usd === null || usd === undefined) return 'n/a';
      return `$${usd.toFixed(2)}`;
  }
}
