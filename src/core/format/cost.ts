// The one cost formatter: estimated USD, the same amount on every surface (tracker pages, exports, CLI, MCP,
// handoffs). Before issue 13 the tracker showed `<$0.01` where the export of the same session said `$0.0025`.

/**
 * The amount: cents from one cent up (`$0.42`, `$12.30`); under a cent, two significant digits (`$0.0025`,
 * `$0.00031`), so a cheap session still shows what it cost instead of rounding to nothing; zero is `$0.00`.
 * Styles differ only in what a missing cost shows: `precise` (exports) says `unknown`, `cents` (tracker pages) and
 * `dollars` (handoffs, MCP digests) say `n/a`.
 */
export type CostStyle = 'precise' | 'cents' | 'dollars';

export function formatCost(usd: number | null | undefined, style: CostStyle): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd))
    return style === 'precise' ? 'unknown' : 'n/a';
  return costAmount(usd);
}

function costAmount(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  const small = Number(abs.toPrecision(2));
  if (abs === 0 || small >= 0.01) return `${sign}$${abs.toFixed(2)}`;
  // Plain digits (toPrecision may answer `1e-7`), no trailing zeros: `$0.0006`, not `$0.00060`.
  const plain = small.toFixed(Math.min(20, 1 - Math.floor(Math.log10(small)))).replace(/0+$/, '');
  return `${sign}$${plain}`;
}
