// A small, safe frontmatter reader for handoff documents: `key: value` lines between leading `---` fences.
export interface ParsedDocument {
  frontmatter: Record<string, unknown>;
  body: string;
}

/**
 * Reads flat `key: value` pairs (strings, numbers, booleans, null, and `[a, b]` lists). Anything it does not
 * understand stays a string: a handoff must never be rejected for its frontmatter style.
 */
export function parseFrontmatter(markdown: string): ParsedDocument {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!m) return { frontmatter: {}, body: markdown };
  const frontmatter: Record<string, unknown> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z0-9_.-]{1,100}):\s*(.*)$/.exec(line);
    if (!kv) continue;
    frontmatter[kv[1]!] = scalar(kv[2]!.trim());
  }
  return { frontmatter, body: markdown.slice(m[0].length) };
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
