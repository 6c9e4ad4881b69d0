// Plain-text exporter: labelled blocks (USER:, ASSISTANT:, TOOL CALL ...), prose wrapped for a terminal or email.
import type { SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { diffText } from '../render/diff-tree.js';
import { createEventViewer } from '../render/event-view.js';
import {
  MAX_LISTED_FILES,
  formatCost,
  formatDuration,
  formatInt,
  metaFields,
  redactionLine,
  subagentUsageRows,
  toolRows,
} from './summary-rows.js';
import { commentTime, reactionsText, type EventComments, type ExportComment } from './comments.js';
import type { FormatRenderer, Section } from './stream-driver.js';
import { trailingDetails } from './trailing-details.js';
import type { ExporterOptions } from './types.js';

const WIDTH = 100;
const INDENT = '  ';

/** Greedy word wrap of one line; keeps its leading whitespace on continuation lines and never breaks a word. */
function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  const rest = line.slice(lead.length);
  let end = rest.length;
  while (end > 0 && rest.charCodeAt(end - 1) === 32) end--;
  const words = end === rest.length ? rest : rest.slice(0, end);
  if (words.includes('  ')) return wrapWords(rest, lead, width);
  // Single spaces only (the usual case): cut at the last space that fits, found with lastIndexOf, instead of
  // splitting into words and gluing them back. Gives exactly what wrapWords gives for such a line.
  const out = wrapSingleSpaced(words, lead, width);
  if (end < rest.length) {
    // Trailing spaces are one empty last word to wrapWords: a space on the last line, or a line of its own.
    const last = out[out.length - 1]!;
    if (last.length + 1 > width) out.push(lead);
    else out[out.length - 1] = `${last} `;
  }
  return out;
}

function wrapSingleSpaced(rest: string, lead: string, width: number): string[] {
  const avail = width - lead.length;
  const out: string[] = [];
  let p = 0;
  while (rest.length - p > avail) {
    let q = rest.lastIndexOf(' ', p + avail);
    if (q <= p) {
      q = rest.indexOf(' ', p + 1); // the first word alone is too long: it gets the line
      if (q === -1) break;
    }
    out.push(lead + rest.slice(p, q));
    p = q + 1;
  }
  out.push(lead + rest.slice(p));
  return out;
}

/** The general case of wrapLine: runs of spaces collapse to one, as before the fast path existed. */
function wrapWords(rest: string, lead: string, width: number): string[] {
  const words = rest.split(/ +/);
  const out: string[] = [];
  let cur = lead;
  for (const w of words) {
    if (cur.length > lead.length && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = lead + w;
    } else cur = cur.length > lead.length ? `${cur} ${w}` : lead + w;
  }
  out.push(cur);
  return out;
}

/** Wraps prose, leaving fenced code blocks untouched, and indents every line. */
export function wrapProse(text: string, width = WIDTH, indent = INDENT): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    for (const l of inFence ? [line] : wrapLine(line, width - indent.length)) out.push(l ? indent + l : '');
  }
  return out.join('\n');
}

/** Indents verbatim content (tool input/output) without wrapping: it may be code or aligned output. */
function indentBlock(text: string, indent = INDENT): string {
  // Same as splitting on /\r?\n/ and indenting each non-empty line, but jumping between newlines with indexOf
  // and slicing: about twice as fast as a regex replace on big tool outputs, and no array of lines.
  const s = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text;
  let out = s.length > 0 && s.charCodeAt(0) !== 10 ? indent : '';
  let copied = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) {
    if (i + 1 < s.length && s.charCodeAt(i + 1) !== 10) {
      out += s.slice(copied, i + 1) + indent;
      copied = i + 1;
    }
  }
  return copied === 0 ? out + s : out + s.slice(copied);
}

function metaLines(meta: SessionMeta, withTitle: boolean): string {
  return metaFields(meta, withTitle)
    .map(([k, v]) => `${`${k}:`.padEnd(13)}${v}\n`)
    .join('');
}

function totalsLines(t: SessionTotals): string {
  let out =
    `Tokens:      ${formatInt(t.tokens.input)} in, ${formatInt(t.tokens.output)} out, ` +
    `${formatInt(t.tokens.cacheRead)} cache read, ${formatInt(t.tokens.cacheWrite)} cache write\n` +
    `Est. cost:   ${formatCost(t.costUsd)}\n` +
    `Duration:    ${formatDuration(t.durationMs)}\n` +
    `Activity:    ${t.turns} turn(s), ${t.prompts} prompt(s), ${t.messages} message(s), ` +
    `${t.toolCalls} tool call(s) (${t.toolErrors} error(s))\n`;
  const tools = toolRows(t);
  if (tools.length) out += `Tools:       ${tools.map(([n, c]) => `${n} ×${c}`).join(', ')}\n`;
  const agents = subagentUsageRows(t);
  if (agents.length) out += `Subagents:\n${agents.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    out += `Files (${t.filesTouched.length}):\n${shown.map((f) => `  ${f}\n`).join('')}`;
    if (t.filesTouched.length > shown.length) out += `  … and ${t.filesTouched.length - shown.length} more\n`;
  }
  return out;
}

function commentBlock(c: ExportComment, indent: string, reply: boolean): string {
  const r = reactionsText(c.reactions);
  const head = `${indent}${c.author.replace(/\s+/g, ' ')}${reply ? ' (reply)' : ''}, ${commentTime(c.createdAt)}${r ? ` [${r}]` : ''}:`;
  return `${head}\n${wrapProse(c.text, WIDTH, `${indent}${INDENT}`)}\n`;
}

/** The comments on one event, right under it, indented: replies one step further than their comment. */
export function commentsText(t: EventComments): string {
  const r = reactionsText(t.reactions);
  let out = `COMMENTS${r ? ` (reactions: ${r})` : ''}:\n`;
  for (const c of t.comments) {
    out += commentBlock(c, INDENT, false);
    for (const reply of c.replies) out += commentBlock(reply, INDENT + INDENT, true);
  }
  return `${out}\n`;
}

const rule = (ch: string, title: string): string =>
  `${ch.repeat(3)} ${title} ${ch.repeat(Math.max(3, 60 - title.length))}`;

export function createTextRenderer(write: (chunk: string) => void, opts: ExporterOptions): FormatRenderer {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  let topWritten = false;

  const top = (): void => {
    if (topWritten) return;
    topWritten = true;
    if (!opts.meta) {
      write('SESSION TRANSCRIPT\n\n');
      return;
    }
    const title = (opts.meta.title || `Session ${opts.meta.id}`).replace(/\s+/g, ' ');
    let out = `${title}\n${'='.repeat(Math.min(WIDTH, Math.max(3, title.length)))}\n\n${metaLines(opts.meta, false)}`;
    if (opts.totals) out += totalsLines(opts.totals);
    if (opts.redaction) out += `Redaction:   ${redactionLine(opts.redaction)}\n`;
    write(`${out}\n`);
  };

  const event = (e: SessionEvent, section: Section): void => {
    const v = viewer.view(e, section.kind === 'sidechain');
    switch (v.kind) {
      case 'prompt': {
        let out = v.sidechain ? 'PROMPT:\n' : 'USER:\n';
        if (v.command !== undefined) out += `${INDENT}${v.command}\n`;
        if (v.body) out += `${wrapProse(v.body)}\n`;
        write(`${out}\n`);
        return;
      }
      case 'text':
        write(`ASSISTANT:\n${wrapProse(v.text)}\n\n`);
        return;
      case 'thinking':
        write(`THINKING:\n${wrapProse(v.text)}\n\n`);
        return;
      case 'tool_call':
        if (v.edit) {
          const { added, removed } = v.edit;
          write(
            `TOOL CALL ${v.name}(${v.summary}) +${added} -${removed}\n${indentBlock(diffText(v.edit))}\n\n`,
          );
          return;
        }
        write(`TOOL CALL ${v.name}(${v.summary})\n${indentBlock(v.input)}\n\n`);
        return;
      case 'tool_result':
        write(`TOOL RESULT${v.isError ? ' (error)' : ''} ${v.toolName}:\n`);
        write(indentBlock(v.content));
        write('\n\n');
        return;
      case 'system':
        write(`SYSTEM (${v.label}):\n${wrapProse(v.text)}\n\n`);
        return;
    }
  };

  return {
    open(section) {
      top();
      if (section.kind === 'turn') write(`${rule('=', `Turn ${section.turn.index + 1}`)}\n\n`);
      else {
        const id = section.sidechain.toolUseId;
        const spawner = id === undefined ? undefined : viewer.spawningCall(id);
        const call = spawner && `${spawner.name}(${spawner.summary})`;
        const by = id === undefined ? '' : ` (spawned by ${call ? `${call} ` : ''}${id})`;
        write(`${rule('=', `Subagent ${section.sidechain.agentId}${by}`)}\n\n`);
      }
    },
    event,
    comments(thread) {
      write(commentsText(thread));
    },
    close() {},
    finish(meta, totals, extra) {
      top();
      const owed = trailingDetails(opts, extra);
      if (!owed) return;
      const { redaction, skips } = owed;
      let out = `${rule('=', 'Session details')}\n\n`;
      if (owed.meta) out += metaLines(meta, true);
      if (owed.totals) out += totalsLines(totals);
      if (redaction) out += `Redaction:   ${redactionLine(redaction)}\n`;
      if (skips.length) {
        out += `Skipped while reading the transcript:\n`;
        out += skips.map(([k, v]) => `${INDENT}${k}: ${v}`).join('\n') + '\n';
      }
      write(out);
    },
  };
}
