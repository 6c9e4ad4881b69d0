// Self-contained HTML exporter: one offline file, strict CSP, escaped content, in-page highlighting and search.
import type {
  ReadStats,
  RedactionReport,
  SessionEvent,
  SessionMeta,
  SessionTotals,
} from '../model/session.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import {
  CODE_CLOSE,
  createHtmlContent,
  escapeHtml,
  escapeText,
  knownLanguage,
  resultLanguage,
} from './html-content.js';
import {
  MAX_LISTED_FILES,
  formatCost,
  formatDuration,
  formatInt,
  redactionLine,
  skipRows,
  subagentUsageRows,
  toolRows,
} from './summary-rows.js';
import { exportEventTree, exportTime } from '../render/event-html.js';
import { createEventViewer } from '../render/event-view.js';
import { createHtmlWriter, toHtml, type HtmlSlots } from '../render/serialize.js';
import { commentTime, reactionsText, type EventComments, type ExportComment } from './comments.js';
import type { FormatRenderer, Section } from './stream-driver.js';
import type { ExporterOptions } from './types.js';

function head(title: string): string {
  return (
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="color-scheme" content="light dark">\n<meta name="referrer" content="no-referrer">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<div class="page">\n` +
    '<div class="bar" role="search"><input id="q" type="search" placeholder="Search this session (press /)" ' +
    'aria-label="Search this session" autocomplete="off" spellcheck="false"><span id="cnt" aria-live="polite"></span>' +
    '<button id="prev" type="button" aria-label="Previous match">↑</button>' +
    '<button id="next" type="button" aria-label="Next match">↓</button>' +
    '<label><input id="only" type="checkbox"> only matching</label></div>\n<main class="conv">\n'
  );
}

function stat(label: string, value: string): string {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

function metricsHeader(
  meta: SessionMeta,
  t: SessionTotals,
  redaction: RedactionReport | undefined,
  stats?: ReadStats,
): string {
  const title = meta.title || `Session ${meta.id}`;
  const sub = [
    meta.project,
    meta.gitBranch && `branch ${meta.gitBranch}`,
    meta.startedAt,
    meta.claudeVersion && `Claude Code ${meta.claudeVersion}`,
  ]
    .filter((x): x is string => Boolean(x))
    .map(escapeHtml)
    .join(' · ');
  let out = `<header class="metrics" id="metrics">\n<h1 id="title">${escapeHtml(title)}</h1>\n`;
  out += `<p class="sub">${sub ? `${sub} · ` : ''}session <code>${escapeHtml(meta.id)}</code>`;
  if (meta.parentSessionId) out += ` · forked from <code>${escapeHtml(meta.parentSessionId)}</code>`;
  if (meta.cwd) out += ` · <code>${escapeHtml(meta.cwd)}</code>`;
  out += '</p>\n<dl class="stats">';
  out += stat('Input tokens', formatInt(t.tokens.input));
  out += stat('Output tokens', formatInt(t.tokens.output));
  out += stat('Cache read', formatInt(t.tokens.cacheRead));
  out += stat('Cache write', formatInt(t.tokens.cacheWrite));
  out += stat('Est. cost', formatCost(t.costUsd));
  out += stat('Duration', formatDuration(t.durationMs));
  out += stat('Turns', String(t.turns));
  out += stat('Tool calls', `${t.toolCalls}${t.toolErrors ? ` (${t.toolErrors} failed)` : ''}`);
  out += stat(meta.models.length > 1 ? 'Models' : 'Model', meta.models.join(', ') || 'unknown');
  out += '</dl>\n';
  const tools = toolRows(t);
  if (tools.length) {
    out += `<details><summary>Tools used (${tools.length})</summary><table>`;
    out += tools.map(([n, c]) => `<tr><td><code>${escapeHtml(n)}</code></td><td>${c}</td></tr>`).join('');
    out += '</table></details>\n';
  }
  const agents = subagentUsageRows(t);
  if (agents.length) {
    out += `<details><summary>Subagents (${agents.length})</summary><table>`;
    out += agents.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('');
    out += '</table></details>\n';
  }
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    out += `<details><summary>Files touched (${t.filesTouched.length})</summary><ul>`;
    out += shown.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join('');
    if (t.filesTouched.length > shown.length)
      out += `<li>… and ${t.filesTouched.length - shown.length} more</li>`;
    out += '</ul></details>\n';
  }
  if (redaction) out += `<p class="sub">Redaction: ${escapeHtml(redactionLine(redaction))}</p>\n`;
  const skips = skipRows(stats);
  if (skips.length) {
    out += `<details class="skips"><summary>Skipped while reading the transcript</summary><table>`;
    out += skips.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('');
    out += '</table></details>\n';
  }
  return `${out}</header>\n`;
}

function commentHtml(c: ExportComment, replies: readonly ExportComment[]): string {
  const r = reactionsText(c.reactions);
  let out =
    `<div class="comment" id="c-${escapeHtml(c.id)}"><p class="by"><b>${escapeHtml(c.author)}</b> · ` +
    `<time datetime="${escapeHtml(c.createdAt)}">${escapeHtml(commentTime(c.createdAt))}</time>` +
    `${r ? ` · ${escapeHtml(r)}` : ''}</p><p class="ctext">${escapeText(c.text)}</p>`;
  if (replies.length) out += `<div class="replies">${replies.map((x) => commentHtml(x, [])).join('')}</div>`;
  return `${out}</div>`;
}

/** The comments on one event, right under it. Text is escaped, never read as Markdown or HTML. */
export function commentsHtml(t: EventComments): string {
  const r = reactionsText(t.reactions);
  const title = `Comments${r ? ` · reactions: ${r}` : ''}`;
  return (
    `<aside class="comments"><h3>${escapeHtml(title)}</h3>` +
    `${t.comments.map((c) => commentHtml(c, c.replies)).join('')}</aside>\n`
  );
}

export function createHtmlRenderer(write: (chunk: string) => void, opts: ExporterOptions): FormatRenderer {
  const viewer = createEventViewer({ maxToolResultChars: opts.maxToolResultChars });
  const { codeOpen, markdownHtml } = createHtmlContent();
  // Code is only escaped and tagged here: the page highlights it lazily (html-assets.ts).
  const slots: HtmlSlots = {
    markdown: markdownHtml,
    code(slot, out) {
      const lang = slot.lang === 'auto' ? resultLanguage(slot.text, slot.filePath) : slot.lang;
      if (slot.inline) {
        // A diff line: the page highlights `code.language-*` lazily, like any block.
        const known = knownLanguage(lang);
        out(known ? `<code class="language-${known}">` : '<code>');
        out(escapeText(slot.text));
        out('</code>');
        return;
      }
      out(codeOpen(slot.text, lang));
      out(escapeText(slot.text));
      out(CODE_CLOSE);
    },
  };
  const writeEvent = createHtmlWriter(write, slots);
  let started = false;
  let sectionNo = 0;

  const start = (): void => {
    if (started) return;
    started = true;
    write(head(opts.meta?.title || (opts.meta ? `Session ${opts.meta.id}` : 'Claude Code session')));
  };

  const event = (e: SessionEvent, section: Section): void => {
    writeEvent([exportEventTree(viewer.view(e, section.kind === 'sidechain')), '\n']);
  };

  return {
    open(section) {
      start();
      const n = ++sectionNo;
      if (section.kind === 'turn') {
        const ts = exportTime(section.turn.startedAt);
        const time = ts ? toHtml(ts, slots) : '';
        write(`<section class="turn" id="s${n}"><h2>Turn ${section.turn.index + 1}${time}</h2>\n`);
      } else {
        const { agentId, toolUseId } = section.sidechain;
        const call = toolUseId === undefined ? undefined : viewer.spawningCall(toolUseId)?.label;
        const by = toolUseId
          ? ` <small>spawned by ${call ? `${escapeHtml(call)} ` : ''}<code>${escapeHtml(toolUseId)}</code></small>`
          : '';
        write(
          `<section class="turn sidechain" id="s${n}"><h2>Subagent <code>${escapeHtml(agentId)}</code>${by}</h2>\n`,
        );
      }
    },
    event,
    comments(thread) {
      write(commentsHtml(thread));
    },
    close() {
      write('</section>\n');
    },
    finish(meta, totals, extra) {
      start();
      const redaction = extra.redaction ?? opts.redaction;
      write(
        `</main>\n${metricsHeader(meta, totals, redaction, extra.stats)}</div>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`,
      );
    },
  };
}
