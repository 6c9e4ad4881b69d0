// Issue 13: the tracker said `<$0.01` where the export of the same session said `$0.0025`. One rule now, every style.
import { describe, expect, it } from 'vitest';
import { formatCost, type CostStyle } from '../../src/core/format/cost.js';
import { formatCost as exportCost } from '../../src/core/export/summary-rows.js';
import { formatCost as pageCost } from '../../tracker/web/format.js';

const STYLES: CostStyle[] = ['precise', 'cents', 'dollars'];

describe('formatCost: one amount on every surface', () => {
  it.each([
    [0.0025, '$0.0025'],
    [0.0006, '$0.0006'],
    [0.00031, '$0.00031'],
    [0.0099, '$0.0099'],
    [0.009999, '$0.01'],
    [0.0664, '$0.07'],
    [0.42, '$0.42'],
    [1.5, '$1.50'],
    [12.3, '$12.30'],
    [0, '$0.00'],
    [1e-7, '$0.0000001'],
  ])('%s is %s in every style', (usd, shown) => {
    for (const style of STYLES) expect(formatCost(usd, style), style).toBe(shown);
  });

  it('a missing cost: `unknown` in exports, `n/a` elsewhere', () => {
    expect(formatCost(null, 'precise')).toBe('unknown');
    expect(formatCost(undefined, 'cents')).toBe('n/a');
    expect(formatCost(null, 'dollars')).toBe('n/a');
  });

  it('the tracker page formatter and the export formatter agree (the issue-13 pair)', () => {
    for (const usd of [0.0025, 0.0006, 0.0664, 0.42, 0])
      expect(pageCost(usd), String(usd)).toBe(exportCost(usd));
  });
});
