// The `Cookie:` / `Set-Cookie:` header rule: session cookies are bearer credentials, so their values go.
import { isPlaceholder, looksRandom, tag, type Rule } from './rule.js';

/** `Cookie:` as a header line, a curl `-H` argument or a JSON header map key (`"cookie": "…"`, maybe escaped). */
const HEADER = /cookie\\?["']?[ \t]{0,4}:[ \t]{0,4}\\?["']?/iy;
/** curl's `--cookie 'a=b'` / `-b`-less spelling; the value is the same `name=value; …` list. */
const CURL_FLAG = /cookie[ \t=]+["']?/iy;
/** A header value ends at the line, a quote or an escape (JSON-escaped `\r\n` or `\"`). */
const VALUE_END = /[\r\n"'`\\]/;
const MAX_HEADER = 8192;
const PAIR = /([^=;\s]{1,256})=([^;]*)/g;

/** Session ids, JWTs and signed values are long and mixed; `theme=dark`, `lang=en` stay. */
const isSecretValue = (v: string): boolean => v.length >= 8 && looksRandom(v) && !isPlaceholder(v);

export const cookieHeader: Rule = {
  name: 'cookie',
  triggers: ['cookie'],
  match(text, at, nested) {
    const setCookie = /set-$/i.test(text.slice(Math.max(0, at - 4), at));
    const flag = text.slice(Math.max(0, at - 2), at) === '--';
    const re = flag ? CURL_FLAG : HEADER;
    re.lastIndex = at;
    if (!re.test(text)) return null;
    const start = re.lastIndex;
    let end = start;
    const limit = Math.min(text.length, start + MAX_HEADER);
    while (end < limit && !VALUE_END.test(text[end]!)) end++;
    const counted: string[] = [];
    // Set-Cookie carries one cookie; what follows its `;` are attributes (Path, Expires, Domain).
    const region = setCookie ? text.slice(start, end).split(';', 1)[0]! : text.slice(start, end);
    const redacted = region.replace(PAIR, (pair: string, name: string, value: string) => {
      if (!isSecretValue(value.trim())) return pair;
      // A JWT session cookie is reported as a JWT, like a JWT anywhere else.
      const inner = nested(value);
      if (inner.hits.length > 0) {
        counted.push(...inner.hits);
        return `${name}=${inner.text}`;
      }
      counted.push('cookie');
      return `${name}=${tag('cookie')}`;
    });
    if (counted.length === 0) return null;
    const stop = start + region.length;
    return {
      end: stop,
      replacement: text.slice(at, start) + redacted,
      counted,
    };
  },
};
