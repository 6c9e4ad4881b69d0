// Rules for secrets recognised by their structure: JWTs, PEM private keys, <private> spans, URL passwords, auth headers.
import { hasDigit, isPlaceholder, looksRandom, regexRule, tag, type Rule } from './rule.js';

/**
 * header.payload.signature, header and payload both base64url JSON objects (so both start `eyJ`). Requiring the
 * dots and the second `eyJ` keeps base64 images and other long base64 runs (no dots, `+/` alphabet) intact.
 */
export const jwt = regexRule({
  name: 'jwt',
  triggers: ['eyJ'],
  source:
    '(?<![A-Za-z0-9_+-])eyJ[A-Za-z0-9_-]{5,8192}\\.eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{0,8192}(?![A-Za-z0-9_-])',
});

const PEM_BEGIN = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
const PEM_END = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
/** Body characters of an unterminated block: base64, headers (`Proc-Type: 4,ENCRYPTED`), real or escaped newlines. */
const PEM_BODY = /[A-Za-z0-9+/=\s\\:,-]{0,16384}/y;
/** How far after BEGIN the END line may be: RSA-4096 PEMs are ~3.3 kB, PGP private key blocks ~7 kB. */
const PEM_MAX = 16384;
const PEM_MIN_BODY = 64;
const PEM_LINE_BREAK = /[\s\\]/;

/** The whole block from BEGIN to END. A block cut off before its END line is redacted through its body. */
export const privateKey: Rule = {
  name: 'private-key',
  triggers: ['-----BEGIN'],
  match(text, at) {
    PEM_BEGIN.lastIndex = at;
    if (!PEM_BEGIN.test(text)) return null;
    const bodyStart = PEM_BEGIN.lastIndex;
    // Key material starts on the next line (a real or a JSON-escaped newline); anything else is a string in code.
    if (!PEM_LINE_BREAK.test(text[bodyStart] ?? '')) return null;
    // Search a bounded window (a slice shares the string's memory) so BEGINs without an END stay linear.
    const window = text.slice(bodyStart, bodyStart + PEM_MAX);
    for (let e = window.indexOf('-----END'); e >= 0; e = window.indexOf('-----END', e + 1)) {
      PEM_END.lastIndex = bodyStart + e;
      if (PEM_END.test(text)) return { end: PEM_END.lastIndex, replacement: tag('private-key') };
    }
    PEM_BODY.lastIndex = bodyStart;
    PEM_BODY.test(text);
    // A bare BEGIN line (`pem.startsWith("-----BEGIN PRIVATE KEY-----")` in code) has no key material to hide.
    if (PEM_BODY.lastIndex - bodyStart < PEM_MIN_BODY) return null;
    return { end: PEM_BODY.lastIndex, replacement: tag('private-key') };
  },
};

const PRIVATE_OPEN = '<private>';
const PRIVATE_CLOSE = '</private>';

/** `<private>…</private>` spans, tags included. An unclosed tag hides the rest of the text: privacy wins. */
export const privateSpan: Rule = {
  name: 'private',
  triggers: [PRIVATE_OPEN],
  match(text, at) {
    if (!text.startsWith(PRIVATE_OPEN, at)) return null;
    const close = text.indexOf(PRIVATE_CLOSE, at + PRIVATE_OPEN.length);
    return { end: close < 0 ? text.length : close + PRIVATE_CLOSE.length, replacement: tag('private') };
  },
};

/** Characters that end a URL's authority (`user:password@host:port`). */
const AUTHORITY_END = /[\s/?#'"`<>]/;
/** Characters a user name in running text never contains; seeing one means this is not a userinfo part. */
const NOT_USER = /[()[\]{},;]/;
const HOST_START = /^[A-Za-z0-9[_-]/;
const MAX_AUTHORITY = 512;

/**
 * `scheme://user:PASSWORD@host`: only the password goes; scheme, user and host stay readable. The password runs to
 * the last `@` of the authority, so `p@ss` is not cut in half; `/`, `?` and `#` end the authority, so
 * `https://host:8080/a@b` is a port and a path, not a password.
 */
export const connectionString: Rule = {
  name: 'connection-string',
  triggers: ['://'],
  match(text, at, nested) {
    const start = at + 3;
    const limit = Math.min(text.length, start + MAX_AUTHORITY);
    let end = start;
    while (end < limit && !AUTHORITY_END.test(text[end]!)) end++;
    const authority = text.slice(start, end);
    const atSign = authority.lastIndexOf('@');
    const colon = authority.indexOf(':');
    if (atSign < 0 || colon < 0 || colon > atSign - 2 || !HOST_START.test(authority.slice(atSign + 1)))
      return null;
    const user = authority.slice(0, colon);
    const password = authority.slice(colon + 1, atSign);
    if (NOT_USER.test(user) || isPlaceholder(password)) return null;
    const stop = start + atSign;
    // `https://x:ghp_…@github.com` is a GitHub token wherever it sits: report it as one.
    const inner = nested(password);
    const replacement = `://${user}:${inner.hits.length > 0 ? inner.text : tag('connection-string')}`;
    return inner.hits.length > 0
      ? { end: stop, replacement, counted: inner.hits }
      : { end: stop, replacement };
  },
};

/** Token68 credentials after an auth scheme; `${token}` and plain words fail the character class or the check. */
const CREDENTIAL = '([A-Za-z0-9._~+/-]{8,4096}=*)(?![A-Za-z0-9._~+/=-])';

/**
 * `Authorization: Bearer …` / `Basic …` headers (curl -H, HTTP dumps, JSON header maps) and bare `Bearer <token>`.
 * Without a scheme word the value must carry a digit: `startAuthorization = startAuthorization2` is not a header.
 */
export const authHeader: Rule = (() => {
  const header = regexRule({
    name: 'auth-header',
    triggers: ['authorization'],
    source: `authorization\\\\?["']?[ \\t]{0,4}:[ \\t]{0,4}\\\\?["']?(?:(bearer|basic|token|bot|digest)[ \\t]{1,4})?${CREDENTIAL}`,
    flags: 'i',
    group: 2,
    accept: (s, m) => looksRandom(s) && (m[1] !== undefined || (hasDigit(s) && s.length >= 16)),
    preferNested: true,
  });
  const bearer = regexRule({
    name: 'auth-header',
    triggers: ['bearer'],
    source: `bearer[ \\t]{1,4}${CREDENTIAL}`,
    flags: 'i',
    group: 1,
    accept: (s) => s.length >= 16 && looksRandom(s),
    preferNested: true,
  });
  return {
    name: 'auth-header',
    triggers: ['authorization', 'bearer'],
    match: (text, at, nested) => {
      const hit = header.match(text, at, nested);
      if (hit) return hit;
      return bearer.match(text, at, nested);
    },
  };
})();

export const structuralRules: readonly Rule[] = [jwt, privateKey, privateSpan, connectionString, authHeader];
