// Building Markdown text safely: code fences and inline code spans that nothing inside them can close.

/** The longest run of `ch` (one character) in `s` (0 if none). Jumps between occurrences with indexOf. */
export function longestRun(s: string, ch: string): number {
  let best = 0;
  let i = s.indexOf(ch);
  while (i !== -1) {
    let j = i + 1;
    while (j < s.length && s[j] === ch) j++;
    if (j - i > best) best = j - i;
    i = s.indexOf(ch, j);
  }
  return best;
}

/** A backtick fence longer than any backtick run inside `content`, so the content can never close it. */
export function fenceFor(content: string): string {
  return '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
}

/** An inline code span that no backtick inside `s` can close; a newline (a space in a span anyway) becomes one. */
export function codeSpan(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
