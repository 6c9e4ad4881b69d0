// Small Markdown helpers for handoffs: heading-aware splitting that ignores code fences, heading demotion.

export interface HeadingBlock {
  /** null for text before the first heading. */
  heading: string | null;
  level: number;
  body: string;
}

const HEADING_RE = /^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE_RE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/** Walks lines, calling `onLine(line, inFence)`; fences open and close on the same marker character. */
function scanLines(text: string, onLine: (line: string, inFence: boolean) => void): void {
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = FENCE_RE.exec(line);
    if (m) {
      const marker = m[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) {
        onLine(line, true);
        fence = null;
        continue;
      }
      onLine(line, true);
      continue;
    }
    onLine(line, fence !== null);
  }
}

/** Splits at headings whose level is <= maxLevel (default: all), outside code fences. */
export function splitByHeadings(text: string, maxLevel = 6): HeadingBlock[] {
  const blocks: HeadingBlock[] = [];
  let current: HeadingBlock = { heading: null, level: 0, body: '' };
  const lines: string[] = [];
  const flush = () => {
    current.body = lines
      .join('\n')
      .replace(/^\s*\n/, '')
      .replace(/\s+$/, '');
    blocks.push(current);
    lines.length = 0;
  };
  scanLines(text, (line, inFence) => {
    const m = inFence ? null : HEADING_RE.exec(line);
    if (m && m[1]!.length <= maxLevel) {
      flush();
      current = { heading: m[2]!.trim(), level: m[1]!.length, body: '' };
      return;
    }
    lines.push(line);
  });
  flush();
  return blocks.filter((b) => b.heading !== null || b.body !== '');
}

/** Pushes every heading outside fences down to at least `minLevel`, so a body cannot open a new section. */
export function demoteHeadings(text: string, minLevel = 3): string {
  const out: string[] = [];
  scanLines(text, (line, inFence) => {
    const m = inFence ? null : /^(#{1,6})([ \t]+.*)$/.exec(line);
    if (m && m[1]!.length < minLevel) out.push(`${'#'.repeat(minLevel)}${m[2]}`);
    else out.push(line);
  });
  return out.join('\n');
}

/** Lowercase words only: "## 2. Next steps:" and "next steps" compare equal. */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/^[\d.)\s]+/, '')
    .replace(/[*_`:]/g, '')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}
