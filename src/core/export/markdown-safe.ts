// Makes free text (prompts, answers) safe to embed in a Markdown document while keeping its Markdown formatting.
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// A `<` that starts a tag, comment or declaration: what a Markdown renderer would pass through as raw HTML.
const TAG_START = /<(?=[A-Za-z/!?])/g;
// Link targets that stay live links: web/mail URLs, anchors and plain relative paths. Anything else (javascript:,
// data:, entity-encoded tricks like `&#106;avascript:`) gets its `](` or `]:` escaped so the link stays text.
const SAFE_TARGET = /^\s*<?\s*(?:https?:\/\/|mailto:|#|\.{0,2}\/|[\w.~-]+(?:[/?#)\s>]|$))/i;
const LINK_OPEN = /\]\(/g;
const REF_DEF = /^( {0,3}\[[^\]]+\]):(.*)$/;

// Images are fetched by the viewer: a remote one is a tracking pixel or an exfiltration channel (a URL the model
// was tricked into writing), so `![` becomes text and the reader sees the address instead.
const IMAGE_OPEN = /!\[/g;

const neutralize = (s: string): string =>
  s
    .replace(TAG_START, '&lt;')
    .replace(IMAGE_OPEN, '!\\[')
    .replace(LINK_OPEN, (m, at: number, str: string) => (SAFE_TARGET.test(str.slice(at + 2)) ? m : ']\\('));

/** Escapes tag-like `<` in a line, skipping inline code spans (where an entity would show literally). */
function escapeLine(raw: string): string {
  const ref = REF_DEF.exec(raw);
  const line = ref && !SAFE_TARGET.test(ref[2] as string) ? `${ref[1]}\\:${ref[2]}` : raw;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0) {
      out += neutralize(line.slice(i));
      break;
    }
    out += neutralize(line.slice(i, tick));
    let n = tick;
    while (line[n] === '`') n++;
    const run = n - tick;
    // The span closes at the next backtick run of exactly the same length.
    let close = -1;
    for (let j = line.indexOf('`', n); j >= 0;) {
      let k = j;
      while (line[k] === '`') k++;
      if (k - j === run) {
        close = k;
        break;
      }
      j = line.indexOf('`', k);
    }
    if (close < 0) {
      out += line.slice(tick, n);
      i = n;
    } else {
      out += line.slice(tick, close);
      i = close;
    }
  }
  return out;
}

/**
 * Free text for a Markdown document: raw HTML tags outside code become text (a viewer that renders HTML cannot be
 * made to run or hide anything, and GitHub no longer silently drops `<Foo>`), `javascript:`-like link targets and
 * images stay text, and a code fence left open at the end is closed so it cannot swallow the rest of the document. Everything
 * else is kept as written.
 */
export function safeMarkdown(text: string): string {
  const lines = text.split('\n');
  let open: { ch: string; len: number } | null = null;
  let prevBlank = true;
  let inIndented = false;
  for (let idx = 0; idx < lines.length; idx++) {
    const line = lines[idx] as string;
    const m = FENCE.exec(line);
    if (open) {
      if (
        m &&
        (m[1] as string)[0] === open.ch &&
        (m[1] as string).length >= open.len &&
        (m[2] as string).trim() === ''
      )
        open = null;
    } else if (m && !((m[1] as string)[0] === '`' && (m[2] as string).includes('`'))) {
      open = { ch: (m[1] as string)[0] as string, len: (m[1] as string).length };
    } else {
      // An indented code block starts after a blank line and goes on while lines stay indented (or blank).
      const indented = /^( {4}|\t)/.test(line);
      inIndented = indented && (prevBlank || inIndented);
      if (!inIndented) lines[idx] = escapeLine(line);
    }
    prevBlank = line.trim() === '';
  }
  const body = lines.join('\n');
  return open ? `${body}\n${open.ch.repeat(open.len)}` : body;
}
