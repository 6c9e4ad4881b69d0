// What an event says in words, for every output: tool summaries, command lines, clipped results, input JSON.
import type { PromptEvent } from '../model/session.js';

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

/** Tool calls that spawn a subagent (Task was renamed Agent): their sidechain's header names them. */
export function isAgentCall(name: string): boolean {
  return name === 'Agent' || name === 'Task';
}

/**
 * System events named in words rather than by subtype: notes and status lines sent with send_live_note /
 * set_live_status. The one rule for every output (server pages, the live client, replay, exports); any other
 * subtype is shown as it is.
 */
const SYSTEM_LABELS: Readonly<Record<string, string>> = { live_note: 'Note', live_status: 'Status' };

export function systemLabel(subtype: string): string {
  return Object.hasOwn(SYSTEM_LABELS, subtype) ? SYSTEM_LABELS[subtype]! : subtype;
}

/** The live viewer's lines for changes of the stream itself (no stored event stands for them), in words. */
export const LIVE_CHANGE_LABELS = { paused: 'Paused', resumed: 'Resumed', ended: 'Stream ended' } as const;
