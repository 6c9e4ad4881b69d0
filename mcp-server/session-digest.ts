// Digests a session (local model or tracker events) into a summary plus its last turns, as text for the model.
import type { SessionEvent, SessionMeta, SessionTotals } from '../src/core/model/session.js';
import { formatCost } from '../src/core/format/cost.js';
import { clip, duration, shortDate } from './format.js';

export interface TurnDigest {
  index: number;
  prompt: string;
  tools: string[];
  reply: string;
}

export interface SessionDigest {
  sessionId: string;
  title: string | null;
  project: string | null;
  cwd: string | null;
  startedAt: string | null;
  endedAt: string | null;
  turns: number;
  toolCalls: number;
  tokens: number;
  costUsd: number | null;
  durationMs: number;
  filesTouched: string[];
  recent: TurnDigest[];
}

/** Groups main-chain events by turn and keeps the last `n` turns: prompt, tools used, the last reply text. */
export function recentTurns(
  events: ReadonlyArray<{ turnIndex: number; event: SessionEvent }>,
  n: number,
  maxChars = 1200,
): TurnDigest[] {
  const byTurn = new Map<number, TurnDigest>();
  for (const { turnIndex, event } of events) {
    if (event.agentId) continue;
    let t = byTurn.get(turnIndex);
    if (!t) byTurn.set(turnIndex, (t = { index: turnIndex, prompt: '', tools: [], reply: '' }));
    if (event.kind === 'prompt' && !t.prompt) t.prompt = clip(event.text, maxChars);
    else if (event.kind === 'tool_call') t.tools.push(event.name);
    else if (event.kind === 'text') t.reply = clip(event.text, maxChars);
  }
  return [...byTurn.values()].sort((a, b) => a.index - b.index).slice(-n);
}

export function digestFrom(meta: SessionMeta, totals: SessionTotals, recent: TurnDigest[]): SessionDigest {
  const t = totals.tokens;
  return {
    sessionId: meta.id,
    title: meta.title ?? null,
    project: meta.project ?? null,
    cwd: meta.cwd ?? null,
    startedAt: meta.startedAt ?? null,
    endedAt: meta.endedAt ?? null,
    turns: totals.turns,
    toolCalls: totals.toolCalls,
    tokens: t.input + t.output + t.cacheRead + t.cacheWrite,
    costUsd: totals.costUsd,
    durationMs: totals.durationMs,
    filesTouched: totals.filesTouched,
    recent,
  };
}

function countTools(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${n} ×${c}` : n)).join(', ');
}

export function renderDigest(d: SessionDigest): string {
  const facts = [
    d.project ? `project ${d.project}` : null,
    `started ${shortDate(d.startedAt)}`,
    `${d.turns} turns`,
    `${d.toolCalls} tool calls`,
    `${d.tokens.toLocaleString('en-US')} tokens`,
    d.costUsd !== null ? formatCost(d.costUsd, 'dollars') : null,
    duration(d.durationMs),
  ].filter(Boolean);
  const lines = [`Session ${d.sessionId}${d.title ? ` — ${clip(d.title, 120)}` : ''}`, facts.join(' · ')];
  if (d.cwd) lines.push(`cwd: ${d.cwd}`);
  if (d.filesTouched.length) {
    const shown = d.filesTouched.slice(0, 15);
    lines.push(
      `Files touched: ${shown.join(', ')}${d.filesTouched.length > shown.length ? ` (+${d.filesTouched.length - shown.length} more)` : ''}`,
    );
  }
  for (const t of d.recent) {
    lines.push('', `Turn ${t.index}: ${t.prompt || '(no prompt)'}`);
    if (t.tools.length) lines.push(`  tools: ${countTools(t.tools)}`);
    if (t.reply) lines.push(`  reply: ${t.reply}`);
  }
  return lines.join('\n');
}
