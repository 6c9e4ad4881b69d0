// Turns a loaded Session into the handoff's session facts: prompts, tools, files created/modified, tokens, duration.
import type { Session, SessionEvent } from '../core/model/session.js';
import type { SessionFactsOptions } from '../core/routine/schema.js';
import type { SessionFacts } from './types.js';

const FILE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

function filePathOf(input: unknown): string | null {
  if (!input || typeof input !== 'object') return null;
  const o = input as Record<string, unknown>;
  const p = o.file_path ?? o.notebook_path ?? o.path;
  return typeof p === 'string' && p !== '' ? p : null;
}

/** Write's result says whether it created the file ("File created successfully at: …") or overwrote it. */
function fileChanges(events: SessionEvent[]): { created: string[]; modified: string[] } {
  const calls = new Map<string, { tool: string; path: string }>();
  const created = new Set<string>();
  const touched = new Set<string>();
  for (const e of events) {
    if (e.kind === 'tool_call' && FILE_TOOLS.has(e.name)) {
      const path = filePathOf(e.input);
      if (path) calls.set(e.toolUseId, { tool: e.name, path });
    } else if (e.kind === 'tool_result') {
      const call = calls.get(e.toolUseId);
      if (!call || e.isError) continue;
      touched.add(call.path);
      if (call.tool === 'Write' && /^File created successfully/i.test(e.content.trim()))
        created.add(call.path);
    }
  }
  return {
    created: [...created].sort(),
    modified: [...touched].filter((p) => !created.has(p)).sort(),
  };
}

function allEvents(session: Session): SessionEvent[] {
  return [...session.turns.flatMap((t) => t.events), ...session.sidechains.flatMap((s) => s.events)];
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The /baton:end that triggered this handoff is not part of the work being handed off. */
function isHandoffCommand(name: string): boolean {
  return /^\/?baton:end$/.test(name);
}

export function summarizeSession(
  session: Session,
  transcriptPath: string,
  opts: SessionFactsOptions,
): SessionFacts {
  const events = allEvents(session);
  const prompts: string[] = [];
  for (const t of session.turns) {
    for (const e of t.events) {
      if (e.kind !== 'prompt') continue;
      if (e.command && isHandoffCommand(e.command.name)) continue;
      const text = e.command
        ? `${e.command.name.startsWith('/') ? '' : '/'}${e.command.name} ${e.command.args}`
        : e.text;
      if (text.trim() !== '') prompts.push(oneLine(text, opts.maxPromptChars));
    }
  }
  const files = opts.files ? fileChanges(events) : { created: [], modified: [] };
  // Files the reader saw touched by other means (e.g. notebook or MCP tools) still count as modified.
  if (opts.files) {
    const known = new Set([...files.created, ...files.modified]);
    for (const f of session.totals.filesTouched) if (!known.has(f)) files.modified.push(f);
    files.modified.sort();
  }
  const { totals, meta } = session;
  return {
    sessionId: meta.id,
    transcriptPath,
    cwd: meta.cwd ?? null,
    gitBranch: meta.gitBranch ?? null,
    claudeVersion: meta.claudeVersion ?? null,
    models: meta.models,
    title: meta.title ?? null,
    startedAt: meta.startedAt ?? null,
    endedAt: meta.endedAt ?? null,
    durationMs: opts.duration ? totals.durationMs : 0,
    turns: totals.turns,
    promptCount: prompts.length,
    prompts: prompts.slice(-opts.maxPrompts),
    tools: opts.tools ? totals.tools : {},
    toolCalls: opts.tools ? totals.toolCalls : 0,
    toolErrors: opts.tools ? totals.toolErrors : 0,
    tokens: opts.tokens ? totals.tokens : { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    costUsd: opts.tokens ? totals.costUsd : null,
    files,
  };
}
