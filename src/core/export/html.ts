// Self-contained HTML exporter: one offline file, strict CSP, escaped content, in-page highlighting and search.
import type {
  ReadStats,
  RedactionReport,
  SessionEvent,
  SessionMeta,
  SessionTotals,
} from '../model/session.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import { CODE_CLOSE, createHtmlContent, escapeHtml, escapeText, resultLanguage } from './html-content.js';
import {
  MAX_LISTED_FILES,
  ToolIndex,
  clipToolResult,
  commandLine,
  formatCost,
  formatDuration,
  formatInt,
  isAgentCall,
  promptBody,
  redactionLine,
  skipRows,
  subagentUsageRows,
  stringifyInput,
  toolRows,
  toolSummary,
} from './shared.js';
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

/** A timestamp, machine-readable only when it is a plain ISO time (session text never lands in an attribute). */
function time(ts: string | undefined): string {
  if (!ts) return '';
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(ts)) return `<small>${escapeHtml(ts)}</small>`;
  return `<small><time datetime="${ts}">${ts.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')}</time></small>`;
}

/** Lines of a tool output, not counting one trailing newline; counted with indexOf, not by splitting. */
function lineCount(s: string): number {
  if (s.length === 0) return 0;
  let n = 1;
  const last = s.charCodeAt(s.length - 1) === 10 ? s.length - 1 : s.length;
  for (let i = s.indexOf('\n'); i !== -1 && i < last; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export function createHtmlRenderer(write: (chunk: string) => void, opts: ExporterOptions): FormatRenderer {
  const tools = new ToolIndex<{ name: string; filePath?: string }>();
  /** Agent/Task calls by id → "Agent: description", for the header of the subagent they spawned. */
  const agentCalls = new ToolIndex<string>(512);
  const { codeOpen, codeBlock, markdownHtml } = createHtmlContent();
  let started = false;
  let sectionNo = 0;

  const start = (): void => {
    if (started) return;
    started = true;
    write(head(opts.meta?.title || (opts.meta ? `Session ${opts.meta.id}` : 'Claude Code session')));
  };

  const event = (e: SessionEvent, section: Section): void => {
    switch (e.kind) {
      case 'prompt': {
        const cmd = commandLine(e);
        const body = promptBody(e);
        let out = `<div class="msg user"><div class="role">${section.kind === 'sidechain' ? 'Prompt' : 'User'}${time(e.timestamp)}</div><div class="text">`;
        if (cmd !== undefined) out += `<div class="cmd">${escapeHtml(cmd)}</div>`;
        if (body) out += `<div class="plain">${escapeHtml(body)}</div>`;
        write(`${out}</div></div>\n`);
        return;
      }
      case 'text': {
        const model = e.model ? `<small>${escapeHtml(e.model)}</small>` : '';
        write(
          `<div class="msg assistant"><div class="role">Assistant${model}${time(e.timestamp)}</div><div class="md">${markdownHtml(e.text)}</div></div>\n`,
        );
        return;
      }
      case 'thinking':
        write(
          `<details class="msg thinking"><summary>💭 Thinking</summary><div class="md">${markdownHtml(e.text)}</div></details>\n`,
        );
        return;
      case 'tool_call': {
        const input = e.input as Record<string, unknown> | undefined;
        const filePath =
          e.name === 'Read' && typeof input?.file_path === 'string' ? input.file_path : undefined;
        tools.set(e.toolUseId, filePath === undefined ? { name: e.name } : { name: e.name, filePath });
        const sum = toolSummary(e.name, e.input, 120);
        if (isAgentCall(e.name) && e.agentId === undefined)
          agentCalls.set(e.toolUseId, sum ? `${e.name}: ${sum}` : e.name);
        write(
          `<details class="msg tool"><summary>🔧 <b>${escapeHtml(e.name)}</b>${sum ? ` <span class="sum">${escapeHtml(sum)}</span>` : ''}</summary>` +
            `${codeBlock(stringifyInput(e.input), 'json')}</details>\n`,
        );
        return;
      }
      case 'tool_result': {
        const tool = tools.get(e.toolUseId);
        const name = tool?.name ?? 'tool';
        const content = clipToolResult(e.content, opts.maxToolResultChars);
        const lines = lineCount(content);
        const label = e.isError
          ? `❌ Error from <b>${escapeHtml(name)}</b>`
          : `📤 Result from <b>${escapeHtml(name)}</b>`;
        // The (often huge) escaped content goes to `write` on its own: no copy into a bigger string.
        write(
          `<details class="msg result${e.isError ? ' error' : ''}"><summary>${label} <span class="sum">${lines} line${lines === 1 ? '' : 's'}</span></summary>` +
            codeOpen(content, resultLanguage(content, tool?.filePath)),
        );
        write(escapeText(content));
        write(`${CODE_CLOSE}</details>\n`);
        return;
      }
      case 'system':
        write(
          `<div class="msg system"><b>${escapeHtml(e.subtype)}</b>: <span class="plain">${escapeHtml(e.text)}</span></div>\n`,
        );
        return;
    }
  };

  return {
    open(section) {
      start();
      const n = ++sectionNo;
      if (section.kind === 'turn') {
        const ts = section.turn.startedAt;
        write(`<section class="turn" id="s${n}"><h2>Turn ${section.turn.index + 1}${time(ts)}</h2>\n`);
      } else {
        const { agentId, toolUseId } = section.sidechain;
        const call = toolUseId === undefined ? undefined : agentCalls.get(toolUseId);
        const by = toolUseId
          ? ` <small>spawned by ${call ? `${escapeHtml(call)} ` : ''}<code>${escapeHtml(toolUseId)}</code></small>`
          : '';
        write(
          `<section class="turn sidechain" id="s${n}"><h2>Subagent <code>${escapeHtml(agentId)}</code>${by}</h2>\n`,
        );
      }
    },
    event,
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
