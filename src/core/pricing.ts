// Estimates the USD cost of a session's token usage from Claude list prices (an estimate, never a bill).

/**
 * USD per million tokens. Cache writes are priced by the API's standard multipliers of the base input price
 * (5-minute writes 1.25x, 1-hour writes 2x); cache reads are listed per model because they differ (0.05x-0.1x).
 *
 * Source: Anthropic's public pricing page https://platform.claude.com/docs/en/about-claude/pricing and the model
 * overview pages, as read on 2026-11-23. Cross-check: Claude Code 2.1.330 itself recorded $0.00064 for 100 input +
 * 12 output tokens of claude-opus-5-5 (its `cost-state` record), which matches $4 / $20 below.
 * Not modelled: batch discounts, regional (inference_geo) surcharges, fast mode, and Haiku 5.5's long-prompt
 * band (prompts over 100k tokens cost 5x): the lower band is used. Some third-party trackers report a Sonnet 5.5
 * cache-read cut to $0.10 from 2026-10-07; the model page still listed $0.20, which is used here.
 * Rules are tried in order; the first whose pattern matches the model id wins, so specific ones come first.
 */
const PRICE_RULES: ReadonlyArray<{ pattern: RegExp; input: number; output: number; cacheRead: number }> = [
  // Opus
  { pattern: /opus-5-5/, input: 4, output: 20, cacheRead: 0.2 },
  // Opus 4 and 4.1 (ids like claude-opus-4-20250514, claude-opus-4-1@20250805, claude-opus-4-0) and Opus 3.
  {
    pattern: /opus-4(?:-[01])?(?=$|[^\d-]|-\d{8})|claude-3-opus|opus-3/,
    input: 15,
    output: 75,
    cacheRead: 1.5,
  },
  // Opus 4.5 through 5.
  { pattern: /opus/, input: 5, output: 25, cacheRead: 0.5 },
  // Sonnet
  { pattern: /sonnet-5/, input: 2, output: 10, cacheRead: 0.2 },
  // Sonnet 3.5 through 4.6.
  { pattern: /sonnet/, input: 3, output: 15, cacheRead: 0.3 },
  // Haiku
  { pattern: /haiku-5/, input: 0.1, output: 0.5, cacheRead: 0.01 },
  { pattern: /haiku-3-5|3-5-haiku/, input: 0.8, output: 4, cacheRead: 0.08 },
  { pattern: /claude-3-haiku|haiku-3(?!-5)/, input: 0.25, output: 1.25, cacheRead: 0.03 },
  // Haiku 4.5.
  { pattern: /haiku/, input: 1, output: 5, cacheRead: 0.1 },
];

export interface ModelPrice {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
}

/** Token counts of one model. `cacheWrite` includes `cacheWrite1h` (the share written with a 1-hour TTL). */
export interface ModelUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h?: number;
}

/** List price of a model id (case-insensitive substring rules), or null when the model is not known. */
export function priceForModel(model: string): ModelPrice | null {
  const id = model.toLowerCase();
  for (const rule of PRICE_RULES) {
    if (rule.pattern.test(id)) {
      return {
        input: rule.input,
        output: rule.output,
        cacheRead: rule.cacheRead,
        cacheWrite5m: rule.input * 1.25,
        cacheWrite1h: rule.input * 2,
      };
    }
  }
  return null;
}

/**
 * Sum of the estimated cost of each model's usage, rounded to a billionth of a dollar (float noise only). Null when any model that
 * used tokens has no known price (a partial sum would look exact while it is not). Models with no tokens are
 * ignored.
 */
export function estimateCostUsd(usage: Iterable<[model: string, usage: ModelUsage]>): number | null {
  let total = 0;
  for (const [model, u] of usage) {
    if (u.input + u.output + u.cacheRead + u.cacheWrite === 0) continue;
    const p = priceForModel(model);
    if (p === null) return null;
    const write1h = Math.min(u.cacheWrite1h ?? 0, u.cacheWrite);
    total +=
      u.input * p.input +
      u.output * p.output +
      u.cacheRead * p.cacheRead +
      (u.cacheWrite - write1h) * p.cacheWrite5m +
      write1h * p.cacheWrite1h;
  }
  // `total` is in millionths of a dollar (tokens x USD per million tokens).
  return Math.round(total * 1000) / 1e9;
}
