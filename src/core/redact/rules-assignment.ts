// The `password=…` / `"token": "…"` / `API_KEY: …` rule: keeps the key, redacts only the value, and leaves code alone.
import { hasDigit, isPlaceholder, tag, type NestedRedact, type Rule } from './rule.js';

export const ASSIGNMENT_RULE = 'secret-assignment';

/**
 * Strong keywords (password, secret, token, API key) name a secret whatever the value; weak ones (auth, credential,
 * sid, private/access/app/... key) name one only when the value looks machine-made (see isWeakSecret). A suffix
 * like `_BASE` (Rails' `SECRET_KEY_BASE`) or `_VALUE` still names the secret itself.
 */
const KEYWORD =
  '(pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|auth(?:[_-]?token)?|credentials?|sid|private[_-]?key(?:[_-]?id)?|' +
  '(?:access|app|account|master|encryption|signing)[_-]?key)(?:[_-]?(?:access[_-]?)?key)?(?:[_-]?(?:base|b64|base64|value))?';
const STRONG_KEYWORD = /pass|pwd|secret|token|api/i;

/**
 * Keyword, optional `?` (TypeScript optional property), optional closing quote of a quoted key (maybe JSON-escaped),
 * then `=`, `:=` or `:`. Comparisons (`==`, `=>`, `=~`) and scopes (`::`) are not assignments.
 */
const KEY = new RegExp(`${KEYWORD}\\??(\\\\?["'\`])?([ \\t]{0,4})(:=|=(?![=>~])|:(?![:/]))[ \\t]{0,4}`, 'iy');
const SECRET_KEY = new RegExp(`${KEYWORD}$`, 'i');
const KEYWORD_INSIDE = new RegExp(KEYWORD, 'i');

/** For object walks: a property named like a secret (`password`, `dbPassword`, `api_key`, `SessionToken`). */
export const isSecretKey = (key: string): boolean => key.length <= 128 && SECRET_KEY.test(key);

/** Longest value the generic rule considers; longer runs are data, and vendor-shaped secrets have their own rules. */
const MAX_VALUE = 4096;

/** Unquoted values are shorter still: a longer bare run is a blob, and each trigger may scan this far. */
const MAX_UNQUOTED = 1024;

/** An unquoted value runs to whitespace, a quote, or punctuation that closes or separates code. */
const UNQUOTED_RUN = new RegExp(`[^\\s"'\`,;&|(){}[\\]<>]{0,${MAX_UNQUOTED + 1}}`, 'y');

/** Quoted values, one regex per quote: escapes are skipped, a newline means the quote never closed. */
const QUOTED: Record<string, RegExp> = {};
/** The same inside JSON-escaped text (`{\"password\": \"…\"}`), where the quotes themselves are `\"`. */
const ESCAPED_QUOTED: Record<string, RegExp> = {};
for (const q of ['"', "'", '`']) {
  QUOTED[q] = new RegExp(`(?:[^${q}\\\\\\n]|\\\\[^\\n]){0,${MAX_VALUE}}${q}`, 'y');
  ESCAPED_QUOTED[q] = new RegExp(`(?:[^\\\\\\n]|\\\\[^${q}\\n]){0,${MAX_VALUE}}\\\\${q}`, 'y');
}

/** Words that are code, types (JSON-schema `"password": "string"`) or empty markers, never a typed secret. */
const CODE_WORDS = new Set([
  'null', 'undefined', 'true', 'false', 'none', 'nil', 'this', 'self', 'new', 'await', 'function', 'return',
  'typeof', 'void', 'string', 'number', 'boolean', 'bool', 'any', 'unknown', 'never', 'object', 'str', 'int',
  'bytes', 'optional', 'required', 'empty', 'redacted', 'secret', 'password', 'token',
]); // prettier-ignore

/** `this.token`, `process.env.API_KEY`, `cfg?.password`, `Token::Kind`: references, not values. */
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.|::|->)[A-Za-z_$][\w$]*)+$/;
const LETTERS_ONLY = /^[A-Za-z_$]+$/;
const ALNUM = /[A-Za-z0-9]/;
const WHITESPACE = /\s/;
const HAS_LOWER = /[a-z]/;
const LETTER = /[A-Za-z]/;
const PASCAL_CASE = /^[A-Z][a-z]+[A-Za-z]*$/;
const NUMBER = /^(?:\d{1,5}|0x[0-9a-fA-F]{1,8})$/;
/** `"pbkdf2-password": "1.0.2"` in package.json is a dependency, not a password. */
const VERSION = /^[~^<>=v]{0,3}\d{1,6}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{1,40})?$/;
const KEY_CHAR = /[A-Za-z0-9_.-]/;

/**
 * How sure the key is about its value. `env`: an UPPER_CASE key (`DB_PASSWORD=`, docker-compose
 * `POSTGRES_PASSWORD: example`), config for sure. `password`: people choose these, so plain words count. `token`
 * (secret, token, API key): machine-made, so the value must look random; `token: "keyword"` in a lexer stays.
 */
type KeyKind = 'env' | 'password' | 'token' | 'weak';

function keyKindOf(key: string, keyword: string): KeyKind {
  if (!STRONG_KEYWORD.test(keyword)) return 'weak';
  // `process.env.DB_PASSWORD`: the case of the last segment is what says "environment variable".
  if (!HAS_LOWER.test(key.slice(key.lastIndexOf('.') + 1))) return 'env';
  const k = keyword.toLowerCase();
  return k.startsWith('pass') || k === 'pwd' ? 'password' : 'token';
}

/**
 * Values behind a weak keyword: long, with digits and letters, not a path or a URL. `auth: "bearer"`,
 * `sid: "S-1-5-21-…"` (mostly digits) and `GOOGLE_APPLICATION_CREDENTIALS=/path/key.json` stay.
 */
const isWeakSecret = (v: string): boolean =>
  v.length >= 16 &&
  // `SOCKS5_NO_ACCEPTABLE_AUTH = SOCKS5_NO_ACCEPTABLE_AUTH`: an identifier that names the same thing.
  !KEYWORD_INSIDE.test(v) &&
  isRandomToken(v) &&
  (v.match(/[A-Za-z]/g)?.length ?? 0) >= 4 &&
  !/^[./~]/.test(v) &&
  !v.includes('://');

/** Machine-made tokens mix letters and digits; `"?InterpolationInTemplate"` (a lexer state) has no digit. */
const isRandomToken = (v: string): boolean =>
  v.length >= 8 && hasDigit(v) && LETTER.test(v) && !WHITESPACE.test(v);

/** The checks every value (quoted, unquoted or an object property) must pass. */
function isValueCandidate(v: string): boolean {
  return (
    v.length > 0 &&
    v.length <= MAX_VALUE &&
    ALNUM.test(v) &&
    !isPlaceholder(v) &&
    !CODE_WORDS.has(v.toLowerCase()) &&
    !VERSION.test(v)
  );
}

/** Quoted values and object properties: the quotes already say "this is data". */
export function isQuotedSecret(v: string, kind: KeyKind): boolean {
  if (!isValueCandidate(v)) return false;
  if (kind === 'weak') return isWeakSecret(v);
  if (kind === 'token') return isRandomToken(v);
  return kind === 'env' || v.length >= 3;
}

/**
 * Unquoted values are where code and config look alike. `KEY=v` with no spaces (env files, query strings) is config;
 * `key: v` and `key = v` are code unless the key is UPPER_CASE, and there a bare identifier is a type or a variable,
 * so the value must look like data: not letters only, not an echo of the key (`token: token2`), not a negation.
 */
function isUnquotedSecret(
  v: string,
  terminator: string | undefined,
  kind: KeyKind,
  codeLike: boolean,
): boolean {
  if (v.length < 3 || terminator === '(' || terminator === '[' || !isValueCandidate(v)) return false;
  // `DB_PASSWORD=corp.Winter2024` in an env file is a value; `password = config.password` in code is a reference.
  const reference = MEMBER_ACCESS.test(v) && !(kind === 'env' && !codeLike && hasDigit(v));
  if (reference || NUMBER.test(v) || v.startsWith('$') || v.startsWith('%') || v.includes('=>')) {
    return false;
  }
  if (kind === 'weak') return isWeakSecret(v);
  // `const TOKEN: CharList` is a type annotation; docker-compose values are not PascalCase type names.
  if (kind === 'env') return !(codeLike && PASCAL_CASE.test(v));
  if (kind === 'token' && !isRandomToken(v)) return false;
  if (!codeLike) return true;
  return !LETTERS_ONLY.test(v) && !v.startsWith('!') && !KEYWORD_INSIDE.test(v);
}

/** `PWD=/home/dev/app` is the shell's working directory, not MySQL's password (`MYSQL_PWD=`). */
const isWorkingDirectory = (keyword: string, v: string): boolean =>
  keyword.toLowerCase() === 'pwd' && /^(?:[/~]|[A-Za-z]:[\\/])/.test(v);

/** Finds a quoted value starting at `p` (`"…"`, `'…'`, `` `…` `` or JSON-escaped `\"…\"`). */
function readQuoted(text: string, p: number): { start: number; end: number; after: number } | null {
  const c = text[p];
  const escaped = c === '\\' && (text[p + 1] === '"' || text[p + 1] === "'");
  const re = escaped ? ESCAPED_QUOTED[text[p + 1]!] : c === undefined ? undefined : QUOTED[c];
  if (re === undefined) return null;
  const start = p + (escaped ? 2 : 1);
  re.lastIndex = start;
  if (!re.test(text)) return null;
  return { start, end: re.lastIndex - (escaped ? 2 : 1), after: re.lastIndex };
}

/** The whole key around the keyword (`DB_PASSWORD`, `accessToken`), read backwards from the trigger. */
function keyStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 64 && KEY_CHAR.test(text[i - 1]!)) i--;
  return i;
}

/** Words that make `<word>_key` a secret's name when they come before `_key` / `-key` (`DD_APP_KEY`). */
const KEY_PREFIX = /(?:api|app|access|account|master|encryption|signing|private|secret)$/i;

/**
 * `_key` / `-key` triggers stand for every `<word>_key` keyword at once: one trigger whose letters are rarely
 * next to each other costs the skip scan far less than a dozen (`master_key` alone stops it at every `st`). The
 * keyword itself starts before the trigger.
 */
function keywordStart(text: string, at: number): number | null {
  const c = text[at];
  if (c !== '_' && c !== '-') return at;
  const prefix = KEY_PREFIX.exec(text.slice(Math.max(0, at - 10), at));
  return prefix === null ? null : at - prefix[0].length;
}

export const secretAssignment: Rule = {
  name: ASSIGNMENT_RULE,
  triggers: [
    ...['password', 'passwd', 'passphrase', 'secret', 'token', 'auth', 'credential'],
    ...['_key', '-key', 'apikey', 'appkey', 'privatekey'],
    // Three-letter keywords ending in a common letter would stall the skip scan; with the separator they are four.
    ...['pwd', 'sid'].flatMap((k) => ['=', ':', '"', "'", ' ', '\\'].map((sep) => k + sep)),
  ],
  match(text, trigger, nested) {
    const at = keywordStart(text, trigger);
    if (at === null) return null;
    KEY.lastIndex = at;
    const m = KEY.exec(text);
    if (!m) return null;
    const keyword = m[1]!;
    const keyQuote = m[2];
    const spaceBefore = m[3]!;
    const separator = m[4]!;
    const p = KEY.lastIndex;
    const kind = keyKindOf(text.slice(keyStart(text, at), at + keyword.length), keyword);
    const quoted = readQuoted(text, p);
    let start = p;
    let end: number;
    let after: number;
    if (quoted) {
      ({ start, end, after } = quoted);
    } else {
      // `cond ? token : other` is a ternary, never a key; YAML and JSON put no space before the colon.
      if (separator === ':' && spaceBefore !== '') return null;
      UNQUOTED_RUN.lastIndex = p;
      UNQUOTED_RUN.test(text);
      end = after = UNQUOTED_RUN.lastIndex;
    }
    if (end === start || end - start > (quoted ? MAX_VALUE : MAX_UNQUOTED)) return null;
    const value = text.slice(start, end);
    if (isWorkingDirectory(keyword, value)) return null;
    const codeLike = separator !== '=' || spaceBefore !== '' || keyQuote !== undefined;
    // A value that fails these checks may still hold a vendor secret: the scan goes on and finds it by its prefix.
    const ok = quoted ? isQuotedSecret(value, kind) : isUnquotedSecret(value, text[end], kind, codeLike);
    if (!ok) return null;
    const r = replaceValue(value, nested);
    const hit = {
      start: at,
      end: after,
      replacement: text.slice(at, start) + r.text + text.slice(end, after),
    };
    return r.counted ? { ...hit, counted: r.counted } : hit;
  },
};

/** The value's replacement: as the vendor rule it is, when it is one (a GitHub token), else the generic tag. */
function replaceValue(value: string, nested: NestedRedact): { text: string; counted?: readonly string[] } {
  const inner = nested(value);
  return inner.hits.length > 0 ? { text: inner.text, counted: inner.hits } : { text: tag(ASSIGNMENT_RULE) };
}

/** Used by the object walk: a string property whose key names a secret. Null when it should stay. */
export function redactSecretProperty(
  key: string,
  value: string,
  nested: NestedRedact,
): { text: string; counted: readonly string[] } | null {
  const keyword = KEYWORD_INSIDE.exec(key)?.[1] ?? key;
  if (isWorkingDirectory(keyword, value) || !isQuotedSecret(value, keyKindOf(key, keyword))) return null;
  const r = replaceValue(value, nested);
  return { text: r.text, counted: r.counted ?? [ASSIGNMENT_RULE] };
}
