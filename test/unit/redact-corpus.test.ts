// The fixed real-format secret corpus (test/fixtures/secrets) planted in every place a session carries text: each
// sample must be gone from each place. The same matrix drives bench/redact.ts; the samples are not generated from
// the rules.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/index.js';
import { leaks, loadSamples, PLACES } from '../fixtures/secrets/samples.js';

const samples = loadSamples();

describe('real-format secret corpus × session places', () => {
  it('has several samples of every type and covers all ten places', () => {
    expect(samples.length).toBeGreaterThan(100);
    expect(PLACES).toHaveLength(10);
    const perType = new Map<string, number>();
    for (const s of samples) perType.set(s.type, (perType.get(s.type) ?? 0) + 1);
    expect(perType.size).toBeGreaterThan(35);
  });

  for (const place of PLACES) {
    const cells = samples.filter((s) => place.fits(s));
    it.each(cells.map((s) => [`${s.type}: ${s.text.slice(0, 48).replace(/\n/g, '⏎')}`, s] as const))(
      `${place.name}: %s`,
      (_, sample) => {
        const r = createRedactor();
        const { event, mustVanish } = place.plant(sample);
        const out = r.redactEvent(event);
        expect(leaks(out, mustVanish), JSON.stringify(out)).toBe(false);
        // "No secrets found" must never be said about a session that had one.
        expect(r.report().total).toBeGreaterThan(0);
      },
    );
  }
});
