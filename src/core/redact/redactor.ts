// createRedactor: the public factory. Holds the per-run counts; the rules and compiled scanners are shared.
import type { Session, SessionEvent } from '../model/session.js';
import { compileRules, type Scanner } from './engine.js';
import type { NestedRedact } from './rule.js';
import { isSecretKey, redactSecretProperty } from './rules-assignment.js';
import { allRules, specificRules } from './rules.js';
import { redactEventWith, redactSessionWith, redactValue, type TextRedactor } from './walk.js';

export interface RedactionReport {
  total: number;
  byRule: Record<string, number>;
}

export interface Redactor {
  /** Returns the same string when nothing was found. */
  redactText(s: string): string;
  /** Never mutates `e`; returns `e` itself when nothing was found. */
  redactEvent<E extends SessionEvent>(e: E): E;
  /** Any JSON-like value: every string, keys that hold a secret, secret-named properties. Copy-on-write. */
  redactValue<V>(v: V): V;
  /** Never mutates `s`; returns `s` itself when nothing was found. */
  redactSession(s: Session): Session;
  /** Secrets redacted so far by this redactor, per rule name. */
  report(): RedactionReport;
}

export interface RedactorOptions {
  /** Default true. False gives a redactor that changes nothing and reports zero (`--no-redact`). */
  enabled?: boolean;
}

let scanners: { all: Scanner; specific: Scanner } | undefined;

/** Compiled on first use, so importing this module costs nothing. */
function getScanners(): { all: Scanner; specific: Scanner } {
  return (scanners ??= { all: compileRules(allRules), specific: compileRules(specificRules) });
}

export function createRedactor(opts: RedactorOptions = {}): Redactor {
  const byRule: Record<string, number> = {};
  let total = 0;
  const report = (): RedactionReport => ({ total, byRule: { ...byRule } });

  if (opts.enabled === false) {
    return {
      redactText: (s) => s,
      redactEvent: (e) => e,
      redactValue: (v) => v,
      redactSession: (s) => s,
      report,
    };
  }

  const { all, specific } = getScanners();
  const count = (rule: string): void => {
    total++;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
  };
  // Nested scans (an assigned value, a Bearer credential) collect names; the outer hit decides what is counted.
  const nested: NestedRedact = (s) => {
    const hits: string[] = [];
    const text = specific.scan(s, (name) => hits.push(name), nested);
    return { text, hits };
  };
  const text = (s: string): string => all.scan(s, count, nested);
  const walker: TextRedactor = {
    text,
    isSecretKey,
    secretProperty(key, value) {
      const r = redactSecretProperty(key, value, nested);
      if (r === null) return null;
      for (const name of r.counted) count(name);
      return r.text;
    },
  };

  return {
    redactText: text,
    redactEvent: (e) => redactEventWith(e, walker),
    redactValue: <V>(v: V): V => redactValue(v, walker) as V,
    redactSession: (s) => redactSessionWith(s, walker),
    report,
  };
}
