// Token usage summed per model, priced on demand: the building block of session, inherited and per-agent totals.
import type { TokenTotals } from '../model/session.js';
import { estimateCostUsd } from '../pricing.js';

/** The model name Claude Code gives messages it made itself (API error notes): never priced. */
export const SYNTHETIC_MODEL = '<synthetic>';

export interface Usage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
}

export function emptyUsage(): Usage {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
}

export function addTo(into: Usage, d: Usage): void {
  into.input += d.input;
  into.output += d.output;
  into.cacheRead += d.cacheRead;
  into.cacheWrite += d.cacheWrite;
  into.cacheWrite1h += d.cacheWrite1h;
}

export class UsageBucket {
  readonly total = emptyUsage();
  /** A Map: model names are data. The synthetic model (client-made messages) is in the total, never priced. */
  readonly byModel = new Map<string, Usage>();

  add(model: string, d: Usage): void {
    addTo(this.total, d);
    if (model === SYNTHETIC_MODEL) return;
    let m = this.byModel.get(model);
    if (m === undefined) this.byModel.set(model, (m = emptyUsage()));
    addTo(m, d);
  }

  merge(other: UsageBucket): void {
    for (const [model, u] of other.byModel) this.add(model, u);
    // Synthetic usage is only in the other's total: carry the difference.
    const priced = emptyUsage();
    for (const u of other.byModel.values()) addTo(priced, u);
    addTo(this.total, {
      input: other.total.input - priced.input,
      output: other.total.output - priced.output,
      cacheRead: other.total.cacheRead - priced.cacheRead,
      cacheWrite: other.total.cacheWrite - priced.cacheWrite,
      cacheWrite1h: other.total.cacheWrite1h - priced.cacheWrite1h,
    });
  }

  clone(): UsageBucket {
    const c = new UsageBucket();
    c.merge(this);
    return c;
  }

  get empty(): boolean {
    const t = this.total;
    return t.input + t.output + t.cacheRead + t.cacheWrite === 0;
  }

  tokens(): TokenTotals {
    const t = this.total;
    return { input: t.input, output: t.output, cacheRead: t.cacheRead, cacheWrite: t.cacheWrite };
  }

  costUsd(): number | null {
    return estimateCostUsd(this.byModel);
  }
}
