// Frontmatter: the one rule for where it sits (a leading `---` block), and the tolerant reader the tracker stores.

/** A leading `---` line, the block, a closing `---` line (trailing blanks allowed); CRLF or LF. */
const FENCED = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The frontmatter block and the body after it; null when the text does not open with a closed `---` block. */
export function splitFrontmatter(text: string): { block: string; body: string } | null {
  const m = FENCED.exec(text);
  return m ? { block: m[1]!, body: text.slice(m[0].length) } : null;
}

export interface ParsedDocument {
  frontmatter: Record<string, unknown>;
  body: string;
}

/**
 * Reads flat `key: value` pairs (strings, numbers, booleans, null, and `[a, b]` lists). Anything it does not
 * understand stays a string: the tracker must never reject a handoff for its frontmatter style. Baton's own reader
 * (parse.ts) wants the full YAML, nested project list included, and refuses what is not a handoff; it finds the block
 * with the same splitFrontmatter.
 */
export function parseFrontmatter(markdown: string): ParsedDocument {
  const split = splitFrontmatter(markdown);
  if (!split) return { frontmatter: {}, body: markdown };
  const frontmatter: Record<string, unknown> = {};
  for (const line of split.block.split(/\r?\n/)) {
    const kv = /^([A-Za-z0-9_.-]{1,100}):\s*(.*)$/.exec(line);
    if (!kv) continue;
    frontmatter[kv[1]!] = scalar(kv[2]!.trim());
  }
  return { frontmatter, body: split.body };
}

function scalar(v: string): unknown {
  if (v === '' || v === '~' || v === 'null') return null;
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(v) && v.length < 16) return Number(v);
  if (/^\[.*\]$/.test(v)) {
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => unquote(s.trim()))
      .filter((s) => s !== '');
  }
  return unquote(v);
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))))
    return v.slice(1, -1);
  return v;
}
