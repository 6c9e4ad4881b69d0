// List-price cost estimates: model id matching by family and generation, cache pricing, unknown models.
import { describe, expect, it } from 'vitest';
import { estimateCostUsd, priceForModel } from '../../src/core/pricing.js';

describe('priceForModel', () => {
  it.each([
    ['claude-opus-5-5', 4, 20, 0.2],
    ['claude-opus-5', 5, 25, 0.5],
    ['claude-opus-4-5-20251101', 5, 25, 0.5],
    ['claude-opus-4-1-20250805', 15, 75, 1.5],
    ['claude-opus-4-20250514', 15, 75, 1.5],
    ['anthropic.claude-opus-4-1-20250805-v1:0', 15, 75, 1.5],
    ['claude-opus-4@20250514', 15, 75, 1.5],
    ['claude-3-opus-20240229', 15, 75, 1.5],
    ['claude-sonnet-5-5', 2, 10, 0.2],
    ['claude-sonnet-5-5[1m]', 2, 10, 0.2],
    ['claude-sonnet-4-6', 3, 15, 0.3],
    ['claude-3-7-sonnet-20250219', 3, 15, 0.3],
    ['claude-haiku-5-5', 0.1, 0.5, 0.01],
    ['claude-haiku-4-5-20251001', 1, 5, 0.1],
    ['claude-3-5-haiku-20241022', 0.8, 4, 0.08],
    ['claude-3-haiku-20240307', 0.25, 1.25, 0.03],
  ])('%s → $%s / $%s, cache read $%s', (model, input, output, cacheRead) => {
    expect(priceForModel(model)).toEqual({
      input,
      output,
      cacheRead,
      cacheWrite5m: input * 1.25,
      cacheWrite1h: input * 2,
    });
  });

  it('knows no price for other models', () => {
    expect(priceForModel('gpt-9')).toBeNull();
    expect(priceForModel('<synthetic>')).toBeNull();
  });
});

describe('estimateCostUsd', () => {
  it('prices each token kind, 1-hour cache writes at 2x input', () => {
    const cost = estimateCostUsd([
      [
        'claude-opus-5-5',
        {
          input: 1_000_000,
          output: 100_000,
          cacheRead: 2_000_000,
          cacheWrite: 400_000,
          cacheWrite1h: 100_000,
        },
      ],
      ['claude-haiku-4-5', { input: 10_000, output: 1_000, cacheRead: 0, cacheWrite: 0 }],
    ]);
    // opus: 4 + 2 + 0.4 + 300k*5/1M (1.5) + 100k*8/1M (0.8) = 8.7; haiku: 0.01 + 0.005
    expect(cost).toBe(8.715);
  });

  it('is null when a model that used tokens is unknown, and ignores unknown models with no tokens', () => {
    const none = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    expect(estimateCostUsd([['mystery', { ...none, output: 1 }]])).toBeNull();
    expect(
      estimateCostUsd([
        ['mystery', none],
        ['claude-sonnet-4-6', { ...none, input: 1000 }],
      ]),
    ).toBe(0.003);
    expect(estimateCostUsd([])).toBe(0);
  });
});
