// SessionStart offer: the latest fresh handoff's "Next steps" for this directory, read from the small local index only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryMatchesPath, parseIndex, type HandoffIndexEntry } from '../../core/handoff/local-index.js';

/** `off`, `always`, or only handoffs younger than `maxAgeHours`. */
export type HandoffContextMode = 'off' | 'always' | { maxAgeHours: number };

export const DEFAULT_HANDOFF_CONTEXT_MODE: HandoffContextMode = { maxAgeHours: 24 };
const MAX_CONTEXT_CHARS = 2_000;

/** Reads `off|false|0`, `always|on|true`, or hours (`12`, `12h`); anything else gives the default (24 h). */
export function parseHandoffContextMode(value: string | undefined): HandoffContextMode {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return DEFAULT_HANDOFF_CONTEXT_MODE;
  if (v === 'off' || v === 'false' || v === 'no' || v === 'never') return 'off';
  if (v === 'always' || v === 'on' || v === 'true' || v === 'yes') return 'always';
  const m = /^(\d+(?:\.\d+)?)\s*h?$/.exec(v);
  if (m && Number(m[1]) > 0) return { maxAgeHours: Number(m[1]) };
  if (v === '0') return 'off';
  return DEFAULT_HANDOFF_CONTEXT_MODE;
}

function age(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} minute${min === 1 ? '' : 's'} ago`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  return `${Math.round(h / 24)} days ago`;
}

function render(e: HandoffIndexEntry, nowMs: number): string {
  const when = age(nowMs - Date.parse(e.createdAt));
  const head = `Baton: a handoff from an earlier session is available for this project: "${e.topic}" (${e.contextId}), written ${when}${
    e.branch ? ` on branch ${e.branch}` : ''
  }.`;
  const tail = [
    `The full handoff (summary, decisions, files, resume command) loads with /baton:start ${e.contextId}.`,
    e.resumeCommand ? `The original session resumes with: ${e.resumeCommand}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  let steps = e.nextSteps?.trim() || '(The handoff has no "Next steps" section.)';
  const room = MAX_CONTEXT_CHARS - head.length - tail.length - 40;
  if (steps.length > room) steps = `${steps.slice(0, Math.max(0, room - 1))}…`;
  return `${head}\nNext steps from that handoff:\n${steps}\n\n${tail}`;
}

/**
 * The additional context for SessionStart, or null. Reads ONLY <dataDir>/handoffs/index.json: no network, no git,
 * no document files, so it fits the hook's latency budget. Never throws.
 */
export function handoffContextFor(
  dataDir: string,
  cwd: string,
  nowMs: number,
  mode: HandoffContextMode,
): string | null {
  if (mode === 'off') return null;
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'handoffs', 'index.json'), 'utf8');
  } catch {
    return null;
  }
  const entries = parseIndex(text).entries.filter((e) => entryMatchesPath(e, cwd));
  let newest: HandoffIndexEntry | undefined;
  for (const e of entries) if (!newest || Date.parse(e.createdAt) > Date.parse(newest.createdAt)) newest = e;
  if (!newest) return null;
  const created = Date.parse(newest.createdAt);
  if (!Number.isFinite(created)) return null;
  if (mode !== 'always' && nowMs - created > mode.maxAgeHours * 3_600_000) return null;
  return render(newest, nowMs);
}
