// Helpers every export format shares: tool summaries, code fences, clipping, number/duration/cost formatting.
import { formatCost as formatCostAs } from '../format/cost.js';
import { formatInt } from '../format/count.js';
import { formatDuration as formatDurationAs } from '../format/duration.js';
import type { PromptEvent, ReadStats, SessionTotals } from '../model/session.js';

/** A one-line, human summary of a tool call's input ("ls -la", a file path, a pattern...). */
export function toolSummary(name: string, input: unknown, max = 80): string {
  const obj = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : undefined;
  const str = (k: string): string | undefined =>
    typeof obj?.[k] === 'string' ? (obj[k] as string) : undefined;
  let s: string | undefined;
  switch (name) {
    case 'Bash':
      s = str('description') && !str('command') ? str('description') : str('command');
      break;
    case 'Read':
    case 'Write':
    case 'Edit':
    case 'MultiEdit':
    case 'NotebookEdit':
      s = str('file_path') ?? str('notebook_path');
      break;
    case 'Glob':
    case 'Grep':
      s = str('pattern') && str('path') ? `${str('pattern')} in ${str('path')}` : str('pattern');
      break;
    case 'WebFetch':
      s = str('url');
      break;
    case 'WebSearch':
      s = str('query');
      break;
    case 'Task':
    case 'Agent':
      s = str('description') ?? str('subagent_type');
      break;
    case 'TodoWrite':
      s = Array.isArray(obj?.todos) ? `${(obj.todos as unknown[]).length} todo(s)` : undefined;
      break;
  }
  if (s === undefined && obj) {
    for (const v of Object.values(obj)) {
      if (typeof v === 'string' && v.trim()) {
        s = v;
        break;
      }
    }
  }
  if (s === undefined && obj && !Array.isArray(obj)) {
    // No text argument (e.g. an MCP call with numbers): show the scalar arguments as k=v.
    const pairs = Object.entries(obj).filter(([, v]) => typeof v === 'number' || typeof v === 'boolean');
    if (pairs.length) s = pairs.map(([k, v]) => `${k}=${String(v)}`).join(', ');
  }
  if (s === undefined && typeof input === 'string') s = input;
  return oneLine(s ?? '', max);
}

/** Collapses whitespace to single spaces and cuts to `max` characters with an ellipsis. */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${cutAt(flat, max - 1)}…` : flat;
}

/** `s.slice(0, n)` that never splits a UTF-16 surrogate pair. */
export function cutAt(s: string, n: number): string {
  if (n <= 0) return '';
  if (n >= s.length) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** Applies the caller's `maxToolResultChars`, saying how much was cut. */
export function clipToolResult(content: string, max: number | undefined): string {
  if (max === undefined || content.length <= max) return content;
  const kept = cutAt(content, Math.max(0, max));
  return `${kept}\n… [${content.length - kept.length} more characters not exported]`;
}

/** Pretty JSON of a tool input; `undefined` (never sent) shows as null. */
export function stringifyInput(input: unknown): string {
  if (input === undefined) return 'null';
  try {
    return JSON.stringify(input, null, 2) ?? 'null';
  } catch {
    return String(input);
  }
}

export { fenceFor, longestRun } from '../format/markdown-text.js';

/** The typed command line of a slash-command prompt ("/plugin:cmd args"), or undefined. */
export function commandLine(e: PromptEvent): string | undefined {
  if (!e.command) return undefined;
  const name = e.command.name.startsWith('/') ? e.command.name : `/${e.command.name}`;
  return e.command.args ? `${name} ${e.command.args}` : name;
}

/** The prompt text worth showing besides the command line (raw command markup and repeats are not). */
export function promptBody(e: PromptEvent): string {
  const cmd = commandLine(e);
  if (cmd === undefined) return e.text;
  const t = e.text.trim();
  if (t === '' || t === cmd || t.includes('<command-name>')) return '';
  return e.text;
}

/**
 * Remembers tool names by tool_use id so results can say which tool they belong to. Bounded: a transcript of
 * any size keeps at most `max` entries (results come right after their calls).
 */
export class ToolIndex<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 2048) {}
  set(id: string, v: V): void {
    this.map.delete(id);
    this.map.set(id, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
  get(id: string): V | undefined {
    return this.map.get(id);
  }
}

export { formatInt };

/** Exports keep four decimals under a dollar (`$0.0025`): see the styles in core/format/cost.ts. */
export function formatCost(usd: number | null): string {
  return formatCostAs(usd, 'precise');
}

/** Exports show `972 ms` and `1h 2m 3s`: see the styles in core/format/duration.ts. */
export function formatDuration(ms: number): string {
  return formatDurationAs(ms, 'precise');
}

/** Tool names sorted by call count (desc), then name. */
export function toolRows(totals: SessionTotals): Array<[string, number]> {
  return Object.entries(totals.tools).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function redactionLine(r: { total: number; byRule: Record<string, number> }): string {
  if (r.total === 0) return 'no secrets found';
  const rules = Object.entries(r.byRule)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, n]) => `${rule}: ${n}`)
    .join(', ');
  return `${r.total} secret(s) replaced with [REDACTED:<rule>]${rules ? ` (${rules})` : ''}`;
}

/** Cap for long lists in headers (files touched) so a header stays a header. */
export const MAX_LISTED_FILES = 200;

/** Tool calls that spawn a subagent (Task was renamed Agent): their sidechain's header names them. */
export function isAgentCall(name: string): boolean {
  return name === 'Agent' || name === 'Task';
}

function countList(m: Record<string, number> | undefined): { total: number; list: string } {
  const entries = Object.entries(m ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    total: entries.reduce((n, [, c]) => n + c, 0),
    list: entries.map(([k, c]) => `${k}: ${c}`).join(', '),
  };
}

/**
 * What the reader left out of the export and why, one [label, detail] row per reason (empty when nothing was):
 * lines it could not read, records of types it does not know, and records read on purpose without an event.
 */
/**
 * Each subagent's usage by its spawning call (issue 10): [spawning call, usage] rows, in spawn order. The same rows
 * in every format, so a reader sees which call cost what.
 */
export function subagentUsageRows(t: SessionTotals): Array<[string, string]> {
  return (t.subagents ?? []).map((a) => {
    const tokens = a.tokens.input + a.tokens.output + a.tokens.cacheRead + a.tokens.cacheWrite;
    const call = a.toolUseId
      ? `call ${a.toolUseId} (agent ${a.agentId})`
      : `agent ${a.agentId} (spawning call unknown)`;
    return [call, `${formatInt(tokens)} tokens · ${formatCost(a.costUsd)}`];
  });
}

export function skipRows(stats: ReadStats | undefined): Array<[string, string]> {
  if (stats === undefined) return [];
  const rows: Array<[string, string]> = [];
  const lines = (n: number): string => `${formatInt(n)} line${n === 1 ? '' : 's'}`;
  if (stats.malformedLines) rows.push(['Malformed (not JSON)', lines(stats.malformedLines)]);
  if (stats.invalidUtf8Lines) rows.push(['Invalid UTF-8', lines(stats.invalidUtf8Lines)]);
  if (stats.hugeLines) rows.push(['Too large', lines(stats.hugeLines)]);
  const unknown = countList(stats.unknownTypes);
  if (unknown.total) rows.push(['Unknown record types', `${formatInt(unknown.total)} (${unknown.list})`]);
  if (stats.truncatedTail)
    rows.push(['Truncated tail', 'the last line was incomplete (still being written?)']);
  const skipped = countList(stats.skippedTypes);
  if (skipped.total) rows.push(['Not shown (bookkeeping)', `${formatInt(skipped.total)} (${skipped.list})`]);
  if (stats.duplicateRecords)
    rows.push(['Repeated records (resume/fork copies)', formatInt(stats.duplicateRecords)]);
  return rows;
}

/** How many lines could not be read at all (malformed, invalid UTF-8, too large, unknown, truncated tail). */
export function unreadableCount(stats: ReadStats | undefined): number {
  if (stats === undefined) return 0;
  const unknown = countList(stats.unknownTypes).total;
  return (
    stats.malformedLines + stats.invalidUtf8Lines + stats.hugeLines + unknown + (stats.truncatedTail ? 1 : 0)
  );
}
