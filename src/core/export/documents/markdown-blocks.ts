// Markdown as document blocks, reasonably: headings, lists, fenced code, tables (kept monospaced), quotes and the
// inline styles people use in chat (`code`, **bold**, *italic*). Anything else stays as the text it is.
import type { Block, Run } from './model.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE = /^\s*\|.*\|\s*$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const INLINE =
  /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=[^\s*])([^*]*?[^\s*])\*/g;

/** Inline styles of one paragraph's text. Unclosed markers stay as they are. */
export function inlineRuns(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    if (m[2] !== undefined) runs.push({ text: m[2].replace(/^ (.*) $/, '$1'), code: true });
    else if (m[3] !== undefined || m[4] !== undefined) runs.push({ text: (m[3] ?? m[4])!, bold: true });
    else runs.push({ text: m[5]!, italic: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/** Blocks of one message's Markdown text. */
export function markdownBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split(/\r?\n/);
  let para: string[] = [];
  let quote = false;
  const flush = (): void => {
    if (para.length === 0) return;
    const runs = inlineRuns(para.join(' '));
    out.push({ kind: 'paragraph', runs: quote ? runs.map((r) => ({ ...r, italic: true })) : runs });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const close = fence[1]!;
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(close); i++) code.push(lines[i]!);
      out.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (TABLE.test(line)) {
      flush();
      const rows: string[] = [];
      for (; i < lines.length && TABLE.test(lines[i]!); i++) rows.push(lines[i]!.trim());
      i--;
      out.push({ kind: 'code', text: rows.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      out.push({ kind: 'heading', level: heading[1]!.length === 1 ? 2 : 3, text: heading[2]! });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flush();
      const marker = /^\d/.test(item[2]!) ? item[2]!.replace(')', '.') : '•';
      const depth = Math.min(3, Math.floor(item[1]!.replace(/\t/g, '  ').length / 2));
      out.push({ kind: 'item', runs: inlineRuns(item[3]!), marker, depth });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const q = QUOTE.exec(line);
    if ((q !== null) !== quote) flush();
    quote = q !== null;
    para.push(q ? q[1]! : line.trim());
  }
  flush();
  return out;
}
