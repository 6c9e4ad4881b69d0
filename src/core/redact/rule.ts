// The shape of one redaction rule, plus the small helpers rules share (placeholders, randomness, sticky regexes).

/** What a rule found at a trigger: the text from `at` up to `end` is replaced by `replacement`. */
export interface RuleHit {
  /**
   * Where the replaced text starts, when the secret begins before its trigger (a Telegram token's bot id before
   * `:AA`, an Azure secret's first characters before `8Q~`). Default: the trigger position. The engine never lets it
   * reach back into text an earlier hit already replaced.
   */
  start?: number;
  end: number;
  replacement: string;
  /**
   * Rule names that produced the replacement, when not the rule itself (an assignment whose value turned out to be,
   * say, a GitHub token reports `github-token`). Omitted means "one hit of this rule".
   */
  counted?: readonly string[];
}

/** Runs the vendor/structural rules (not assignments) over a nested value; returns the hits it made. */
export type NestedRedact = (s: string) => { text: string; hits: readonly string[] };

export interface Rule {
  /** Stable name, used in `[REDACTED:<name>]` and in the report. */
  name: string;
  /**
   * Literal strings, matched case-insensitively, that start every match of this rule. They form the one combined
   * pre-filter regex; text without any trigger is never looked at by `match`.
   */
  triggers: readonly string[];
  /** Tries the rule at `at` (where one of its triggers starts). Returns null when this is not a secret. */
  match(text: string, at: number, nested: NestedRedact): RuleHit | null;
}

export const tag = (rule: string): string => `[REDACTED:${rule}]`;

/**
 * A rule whose whole match (or one capture group of it) is the secret. `source` is compiled sticky, so it is only
 * ever tried at a trigger position; every quantifier in it must be bounded.
 */
export function regexRule(spec: {
  name: string;
  triggers: readonly string[];
  source: string;
  flags?: string;
  /** Which capture group is the secret (0 = the whole match); text around it is kept. */
  group?: number;
  /** Extra check on the secret text, for shapes a regex says poorly (e.g. "contains a digit"). */
  accept?: (secret: string, match: RegExpExecArray) => boolean;
  /** Report a more specific rule when the secret is, say, a JWT behind `Bearer` (needs `group`). */
  preferNested?: boolean;
}): Rule {
  const re = new RegExp(spec.source, `y${spec.flags ?? ''}${spec.group ? 'd' : ''}`);
  const group = spec.group ?? 0;
  const replacement = tag(spec.name);
  return {
    name: spec.name,
    triggers: spec.triggers,
    match(text, at, nested) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) return null;
      const secret = m[group];
      if (secret === undefined || secret.length === 0) return null;
      if (spec.accept && !spec.accept(secret, m)) return null;
      if (group === 0) return { end: at + m[0].length, replacement };
      const [start, stop] = m.indices![group]!;
      const end = at + m[0].length;
      if (spec.preferNested) {
        const inner = nested(secret);
        if (inner.hits.length > 0) {
          return {
            end,
            replacement: text.slice(at, start) + inner.text + text.slice(stop, end),
            counted: inner.hits,
          };
        }
      }
      return { end, replacement: text.slice(at, start) + replacement + text.slice(stop, end) };
    },
  };
}

const DIGIT = /[0-9]/;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;

/** True when `s` mixes at least two of lower case, upper case and digits: random keys do, identifiers rarely do. */
export function looksRandom(s: string): boolean {
  return (DIGIT.test(s) ? 1 : 0) + (LOWER.test(s) ? 1 : 0) + (UPPER.test(s) ? 1 : 0) >= 2;
}

export const hasDigit = (s: string): boolean => DIGIT.test(s);

const PLACEHOLDER =
  /^(?:\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^<>]*>|%[A-Za-z_]*%|%s|\[REDACTED:[a-z-]+\]|(.)\1{2,}|\.\.\.|…)$/s;

/** Documentation stand-ins (`mongodb://username:password@host`): hiding them hides nothing. */
const PLACEHOLDER_WORDS = new Set([
  'password',
  'pass',
  'passwd',
  'secret',
  'changeme',
  'yourpassword',
  'your-password',
]);

/** `sk-ant-...`, `hf_xxxxxxxx`: a prefix shown with its body elided or x-ed out, as docs and error messages do. */
const ELIDED = /(?:\.\.\.|…)$|[xX*]{6}/;

/**
 * True for values that point at a secret instead of being one (`${DB_PASSWORD}`, `$TOKEN`, `{{ secrets.X }}`,
 * `<your-token>`, `****`): redacting them would only hide useful context.
 */
export function isPlaceholder(v: string): boolean {
  return (
    PLACEHOLDER.test(v) ||
    PLACEHOLDER_WORDS.has(v.toLowerCase()) ||
    v.includes('${') ||
    v.includes('{{') ||
    ELIDED.test(v)
  );
}
