// Shared checks for the e2e suite: exact counting, ordering, and reading exports and outboxes structurally.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Session, type SessionEvent, type TokenTotals } from '../../../src/core/model/session.js';
import { readJsonl } from './run-claude.js';

/** Lowercase hex: safe in every export format (no Markdown or HTML escaping touches it). */
export function nonce(): string {
  return randomBytes(4).toString('hex');
}

export function count(haystack: string, needle: string): number {
  if (!needle) throw new Error('count: empty needle');
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Throws unless every needle occurs, each after the previous one. */
export function expectInOrder(haystack: string, needles: string[], label = 'text'): void {
  let at = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, at);
    if (i === -1) {
      const anywhere = haystack.indexOf(n);
      throw new Error(
        `${label}: ${JSON.stringify(n)} ${anywhere === -1 ? 'is missing' : `is out of order (found at ${anywhere}, expected after ${at})`}\n` +
          `--- ${label} (first 3000 chars) ---\n${haystack.slice(0, 3000)}`,
      );
    }
    at = i + n.length;
  }
}

/** Parses a `--format json` export with the session model itself: the export is the contract. */
export function parseJsonExport(text: string): Session {
  return Session.parse(JSON.parse(text));
}

export function mainEvents(s: Session): SessionEvent[] {
  return s.turns.flatMap((t) => t.events);
}

/** Token totals as they should be: once per distinct assistant message id in the transcript. */
export function transcriptTokenTotals(transcriptPath: string): TokenTotals & { messageIds: string[] } {
  const seen = new Map<string, Record<string, number>>();
  for (const r of readJsonl(transcriptPath)) {
    const m = r.message as { id?: string; usage?: Record<string, number> } | undefined;
    if (r.type === 'assistant' && m?.id && m.usage && !seen.has(m.id)) seen.set(m.id, m.usage);
  }
  const sum = (k: string) => [...seen.values()].reduce((a, u) => a + (u[k] ?? 0), 0);
  return {
    input: sum('input_tokens'),
    output: sum('output_tokens'),
    cacheRead: sum('cache_read_input_tokens'),
    cacheWrite: sum('cache_creation_input_tokens'),
    messageIds: [...seen.keys()],
  };
}

/** One conversational unit found in an outbox line, whatever shape the capture layer chose to store. */
export interface OutboxUnit {
  uuid: string;
  kind: 'prompt' | 'text' | 'thinking' | 'tool_call' | 'tool_result' | 'system';
  text: string;
  line: number;
}

const EVENT_KINDS = new Set(['prompt', 'text', 'thinking', 'tool_call', 'tool_result', 'system']);

function blockText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : '')).join('\n');
  return '';
}

/**
 * Finds conversational units in a parsed outbox line: normalized SessionEvents (`kind` + `uuid`) or raw transcript
 * records (`type` user/assistant + `uuid` + `message`), at any depth. Block n>0 of a record gets `<uuid>#<n>`.
 */
export function unitsIn(value: unknown, line: number, out: OutboxUnit[] = []): OutboxUnit[] {
  if (Array.isArray(value)) {
    for (const v of value) unitsIn(v, line, out);
    return out;
  }
  if (!value || typeof value !== 'object') return out;
  const o = value as Record<string, unknown>;
  if (typeof o.uuid === 'string' && typeof o.kind === 'string' && EVENT_KINDS.has(o.kind)) {
    const kind = o.kind as OutboxUnit['kind'];
    const text =
      kind === 'tool_call'
        ? JSON.stringify(o.input ?? null)
        : kind === 'tool_result'
          ? String(o.content ?? '')
          : String(o.text ?? '');
    out.push({ uuid: o.uuid, kind, text, line });
    return out;
  }
  const msg = o.message as { role?: string; content?: unknown } | undefined;
  if (
    typeof o.uuid === 'string' &&
    (o.type === 'user' || o.type === 'assistant') &&
    msg &&
    typeof msg === 'object'
  ) {
    if (o.isMeta === true) return out;
    const blocks =
      typeof msg.content === 'string'
        ? [{ type: 'text', text: msg.content }]
        : Array.isArray(msg.content)
          ? msg.content
          : [];
    blocks.forEach((b: Record<string, unknown>, i: number) => {
      const uuid = i === 0 ? (o.uuid as string) : `${o.uuid as string}#${i}`;
      if (b.type === 'text')
        out.push({ uuid, kind: o.type === 'user' ? 'prompt' : 'text', text: String(b.text ?? ''), line });
      else if (b.type === 'tool_use')
        out.push({ uuid, kind: 'tool_call', text: JSON.stringify(b.input ?? null), line });
      else if (b.type === 'tool_result')
        out.push({ uuid, kind: 'tool_result', text: blockText(b.content), line });
      else if (b.type === 'thinking')
        out.push({ uuid, kind: 'thinking', text: String(b.thinking ?? ''), line });
    });
    return out;
  }
  for (const v of Object.values(o)) unitsIn(v, line, out);
  return out;
}

export interface Outbox {
  path: string;
  raw: string;
  /** Parsed outbox lines: `{seq, ts, sid, k, …}` (see src/capture/outbox-schema.ts). */
  lines: Array<Record<string, unknown>>;
  units: OutboxUnit[];
}

export function readOutbox(dataDir: string, sessionId: string): Outbox {
  const path = join(dataDir, 'outbox', `${sessionId}.jsonl`);
  if (!existsSync(path)) {
    throw new Error(`no outbox at ${path}; data dir holds: ${listFiles(dataDir).join(', ') || '(nothing)'}`);
  }
  const raw = readFileSync(path, 'utf8');
  const lines = raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  // `k: "records"` lines carry raw transcript lines as strings (copied verbatim by the hook): parse those too.
  const units = lines.flatMap((l, i) => {
    const o = l as { k?: unknown; lines?: unknown };
    if (o && o.k === 'records' && Array.isArray(o.lines)) {
      return o.lines.flatMap((raw) => {
        try {
          return unitsIn(JSON.parse(String(raw)), i);
        } catch {
          return [];
        }
      });
    }
    return unitsIn(l, i);
  });
  return { path, raw, lines, units };
}

/** Every uuid that occurs more than once among the units (should be none). */
export function duplicateUuids(units: OutboxUnit[]): string[] {
  const seen = new Map<string, number>();
  for (const u of units) seen.set(u.uuid, (seen.get(u.uuid) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([u]) => u);
}

/** Relative paths of every file under dir (empty when dir does not exist). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
