// GitHub-flavoured Markdown exporter: turns as sections, tools and thinking folded in <details>.
import type { SessionEvent, SessionMeta, SessionTotals } from '../model/session.js';
import { diffText } from '../render/diff-tree.js';
import { createEventViewer } from '../render/event-view.js';
import {
  MAX_LISTED_FILES,
  formatCost,
  formatDuration,
  formatInt,
  redactionLine,
  subagentUsageRows,
  toolRows,
} from './summary-rows.js';
import { codeSpan, escapeHtml, fenceFor } from '../format/index.js';
import { safeMarkdown } from './markdown-safe.js';
import { commentTime, reactionsText, type EventComments, type ExportComment } from './comments.js';
import { trailingDetails } from './trailing-details.js';
import type { FormatRenderer, Section } from './stream-driver.js';
import type { ExporterOptions } from './types.js';

/** Escapes text for inline Markdown (headings, table cells): no emphasis, links, HTML or cell breaks. */
function mdInline(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
}

/** Escapes text placed inside raw HTML (our <summary> lines); one line so it cannot end the HTML block. */
function htmlInline(s: string): string {
  return escapeHtml(s.replace(/\s+/g, ' '));
}

/** A code span for a table cell: GFM splits cells on `|` even inside code, so pipes are escaped. */
function cellCode(s: string): string {
  return codeSpan(s).replace(/\|/g, '\\|');
}

function fenced(content: string, lang = ''): string {
  const f = fenceFor(content);
  return `${f}${lang}\n${content}${content.endsWith('\n') ? '' : '\n'}${f}`;
}

function metaRows(meta: SessionMeta, withTitle: boolean): string {
  const rows: Array<[string, string]> = [];
  if (withTitle && meta.title) rows.push(['Title', mdInline(meta.title)]);
  rows.push(['Session', cellCode(meta.id)]);
  if (meta.project) rows.push(['Project', mdInline(meta.project)]);
  if (meta.cwd) rows.push(['Directory', cellCode(meta.cwd)]);
  if (meta.gitBranch) rows.push(['Branch', cellCode(meta.gitBranch)]);
  if (meta.models.length) rows.push(['Models', meta.models.map(cellCode).join(', ')]);
  if (meta.startedAt) rows.push(['Started', mdInline(meta.startedAt)]);
  if (meta.endedAt) rows.push(['Ended', mdInline(meta.endedAt)]);
  if (meta.claudeVersion) rows.push(['Claude Code', mdInline(meta.claudeVersion)]);
  if (meta.parentSessionId) rows.push(['Forked from', cellCode(meta.parentSessionId)]);
  return `| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n\n`;
}

function totalsBlock(t: SessionTotals): string {
  let out =
    '| Input tokens | Output tokens | Cache read | Cache write | Estimated cost | Duration |\n' +
    '|---:|---:|---:|---:|---:|---:|\n' +
    `| ${formatInt(t.tokens.input)} | ${formatInt(t.tokens.output)} | ${formatInt(t.tokens.cacheRead)} | ` +
    `${formatInt(t.tokens.cacheWrite)} | ${formatCost(t.costUsd)} | ${formatDuration(t.durationMs)} |\n\n`;
  out +=
    `**Activity:** ${t.turns} turn(s) · ${t.prompts} prompt(s) · ${t.messages} message(s) · ` +
    `${t.toolCalls} tool call(s) (${t.toolErrors} error(s))\n\n`;
  const tools = toolRows(t);
  if (tools.length)
    out += `| Tool | Calls |\n|---|---:|\n${tools.map(([n, c]) => `| ${cellCode(n)} | ${c} |`).join('\n')}\n\n`;
  const agents = subagentUsageRows(t);
  if (agents.length)
    out += `| Subagent | Usage |\n|---|---:|\n${agents.map(([k, v]) => `| ${mdInline(k)} | ${mdInline(v)} |`).join('\n')}\n\n`;
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    const more = t.filesTouched.length - shown.length;
    out += `<details>\n<summary>Files touched (${t.filesTouched.length})</summary>\n\n`;
    out += `${shown.map((f) => `- ${codeSpan(f)}`).join('\n')}${more > 0 ? `\n- … and ${more} more` : ''}\n\n</details>\n\n`;
  }
  return out;
}

/** One comment as a quote: author and time in bold, its text as safe Markdown, each line behind `prefix`. */
function commentQuote(c: ExportComment, prefix: string, reply: boolean): string {
  const r = reactionsText(c.reactions);
  const head = `**${mdInline(c.author)}**${reply ? ' (reply)' : ''} · ${commentTime(c.createdAt)}${r ? ` · ${r}` : ''}`;
  const body = safeMarkdown(c.text)
    .split('\n')
    .map((l) => (l ? `${prefix} ${l}` : prefix))
    .join('\n');
  return `${prefix} ${head}\n${prefix}\n${body}\n`;
}

/** The comments on one event, right under it: a "Comments" line, each thread a quote, replies nested in it. */
export function commentsMarkdown(t: EventComments): string {
  const r = reactionsText(t.reactions);
  let out = `💬 **Comments**${r ? ` · reactions: ${r}` : ''}\n\n`;
  for (const c of t.comments) {
    out += commentQuote(c, '>', false);
    for (const reply of c.replies) out += `>\n${commentQuote(reply, '> >', true)}`;
    out += '\n';
  }
  return t.comments.length ? out : `${out.trimEnd()}\n\n`;
}

export function createMarkdownRenderer(
  write: (chunk: string) => void,
  opts: ExporterOptions,
): FormatRenderer {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  let topWritten = false;
  let label: 'user' | 'assistant' | null = null;

  const top = (): void => {
    if (topWritten) return;
    topWritten = true;
    if (!opts.meta) {
      write('# Session transcript\n\n');
      return;
    }
    let out = `# ${mdInline(opts.meta.title || `Session ${opts.meta.id}`)}\n\n${metaRows(opts.meta, false)}`;
    if (opts.totals) out += totalsBlock(opts.totals);
    if (opts.redaction) out += `**Redaction:** ${mdInline(redactionLine(opts.redaction))}\n\n`;
    write(`${out}---\n\n`);
  };

  const assistant = (): void => {
    if (label !== 'assistant') write('**Assistant**\n\n');
    label = 'assistant';
  };

  const event = (e: SessionEvent, section: Section): void => {
    const v = viewer.view(e, section.kind === 'sidechain');
    switch (v.kind) {
      case 'prompt': {
        label = 'user';
        let out = v.sidechain ? '**Prompt**\n\n' : '**User**\n\n';
        if (v.command !== undefined) out += `${codeSpan(v.command)}\n\n`;
        if (v.body) out += `${safeMarkdown(v.body)}\n\n`;
        write(out);
        return;
      }
      case 'text':
        assistant();
        write(`${safeMarkdown(v.text)}\n\n`);
        return;
      case 'thinking':
        assistant();
        write(`<details>\n<summary>Thinking</summary>\n\n${safeMarkdown(v.text)}\n\n</details>\n\n`);
        return;
      case 'tool_call':
        assistant();
        if (v.edit) {
          const { path, added, removed } = v.edit;
          write(
            `<details>\n<summary>🔧 ${htmlInline(v.name)}: ${htmlInline(path)} (+${added} −${removed})</summary>\n\n` +
              `${fenced(diffText(v.edit), 'diff')}\n\n</details>\n\n`,
          );
          return;
        }
        write(
          `<details>\n<summary>🔧 ${htmlInline(v.name)}${v.summary ? `: ${htmlInline(v.summary)}` : ''}</summary>\n\n` +
            `${fenced(v.input, 'json')}\n\n</details>\n\n`,
        );
        return;
      case 'tool_result': {
        const name = htmlInline(v.toolName);
        const head = v.isError ? `❌ Error from ${name}` : `📤 Result from ${name}`;
        // The same text as fenced(content), but the (often huge) content goes to `write` as it is, uncopied.
        const f = fenceFor(v.content);
        write(`<details>\n<summary>${head}</summary>\n\n${f}\n`);
        write(v.content);
        write(`${v.content.endsWith('\n') ? '' : '\n'}${f}\n\n</details>\n\n`);
        return;
      }
      case 'system': {
        const quoted = safeMarkdown(v.text)
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n');
        write(`> **System** (${mdInline(v.label)})\n>\n${quoted}\n\n`);
        label = null;
        return;
      }
    }
  };

  return {
    open(section) {
      top();
      label = null;
      if (section.kind === 'turn') write(`## Turn ${section.turn.index + 1}\n\n`);
      else {
        const id = section.sidechain.toolUseId;
        const call = id === undefined ? undefined : viewer.spawningCall(id)?.label;
        const by = id === undefined ? '' : ` (spawned by ${call ? `${mdInline(call)} ` : ''}${codeSpan(id)})`;
        write(`## Subagent ${mdInline(section.sidechain.agentId)}${by}\n\n`);
      }
    },
    event,
    comments(thread) {
      write(commentsMarkdown(thread));
      label = null;
    },
    close() {},
    finish(meta, totals, extra) {
      top();
      const owed = trailingDetails(opts, extra);
      if (!owed) return;
      const { redaction, skips } = owed;
      let out = '## Session details\n\n';
      if (owed.meta) out += metaRows(meta, true);
      if (owed.totals) out += totalsBlock(totals);
      if (redaction) out += `**Redaction:** ${mdInline(redactionLine(redaction))}\n\n`;
      if (skips.length) {
        out += `**Skipped while reading the transcript:**\n\n| Reason | Count |\n|---|---|\n`;
        out += `${skips.map(([k, v]) => `| ${mdInline(k)} | ${mdInline(v)} |`).join('\n')}\n\n`;
      }
      write(out);
    },
  };
}
