// The trigger finder must report exactly the hits of the factored trigger regex, on any text.
import { describe, expect, it } from 'vitest';
import { trieSource } from '../../src/core/redact/engine.js';
import { allRules } from '../../src/core/redact/index.js';
import { createTriggerFinder, type TriggerFinder } from '../../src/core/redact/trigger-finder.js';

function viaRegex(literals: string[], s: string): Array<[number, string]> {
  const re = new RegExp(trieSource(literals), 'gi');
  const out: Array<[number, string]> = [];
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push([m.index, m[0].toLowerCase()]);
    re.lastIndex = m.index + 1;
  }
  return out;
}

function viaFinder(find: TriggerFinder, literals: string[], s: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let h = find(s, 0); h !== null; h = find(s, h.at + 1)) out.push([h.at, literals[h.literal]!]);
  return out;
}

/** A small deterministic PRNG so a failure is reproducible. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const RULE_LITERALS = [...new Set(allRules.flatMap((r) => r.triggers.map((t) => t.toLowerCase())))];

describe('createTriggerFinder', () => {
  it('finds the same triggers as the regex in random text built from trigger pieces', () => {
    const rand = rng(42);
    const pieces = [
      ...RULE_LITERALS,
      ...RULE_LITERALS.map((l) => l.toUpperCase()),
      'x',
      ' ',
      '\n',
      'é',
      '\u0174',
      '\u016b',
      '\u012d',
      '\u0165',
      'İ',
      'K',
      '-',
      '_',
      '/',
      ':',
    ];
    const find = createTriggerFinder(RULE_LITERALS)!;
    for (let round = 0; round < 400; round++) {
      let s = '';
      const parts = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < parts; i++) {
        const p = pieces[Math.floor(rand() * pieces.length)]!;
        // Cut pieces at random so partial triggers sit next to whole ones.
        const a = Math.floor(rand() * p.length);
        s += rand() < 0.5 ? p : p.slice(a) + p.slice(0, a);
      }
      expect(viaFinder(find, RULE_LITERALS, s), JSON.stringify(s)).toEqual(viaRegex(RULE_LITERALS, s));
    }
  });

  it('prefers the longest literal at a start and the leftmost start', () => {
    const lits = ['sk-', 'sk-ant-', 'ant'];
    const find = createTriggerFinder(lits)!;
    expect(viaFinder(find, lits, 'xx SK-ANT-1 sk-2 ant')).toEqual([
      [3, 'sk-ant-'],
      [6, 'ant'],
      [12, 'sk-'],
      [17, 'ant'],
    ]);
  });

  it('finds triggers at the very start and end, and in strings shorter than a window', () => {
    const find = createTriggerFinder(RULE_LITERALS)!;
    expect(viaFinder(find, RULE_LITERALS, 'bt_')).toEqual([[0, 'bt_']]);
    expect(viaFinder(find, RULE_LITERALS, 'a eyJ')).toEqual([[2, 'eyj']]);
    expect(viaFinder(find, RULE_LITERALS, 'xyz token')).toEqual([[4, 'token']]);
    expect(viaFinder(find, RULE_LITERALS, 'bt')).toEqual([]);
    expect(viaFinder(find, RULE_LITERALS, '')).toEqual([]);
  });

  it('does not fold non-ASCII look-alikes onto ASCII letters, as the non-unicode regex does not', () => {
    const lits = ['sk-', 'token'];
    const find = createTriggerFinder(lits)!;
    // U+212A KELVIN SIGN lower-cases to "k"; U+017F LONG S upper-cases to "S".
    // U+0174/U+016B/U+012D share their low byte with "t", "k" and "-": the skip table must not confuse them either.
    for (const s of ['s\u212a-', '\u017fk-', 'to\u212Aen', '\u0174oken', 's\u016b-', 'sk\u012d']) {
      expect(viaFinder(find, lits, s)).toEqual(viaRegex(lits, s));
      expect(viaFinder(find, lits, s)).toEqual([]);
    }
  });

  it('declines literals it cannot handle, so the engine keeps its regex', () => {
    expect(createTriggerFinder(['é-key'])).toBeNull();
    expect(createTriggerFinder(['a'])).toBeNull();
    expect(createTriggerFinder([])).toBeNull();
  });
});
