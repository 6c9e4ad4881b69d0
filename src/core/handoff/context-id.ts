// Context ids name one handoff: `<topic>-YYYY-MM-DD-HHMMSS` (UTC), readable, sortable within a topic, safe in paths and URLs.
import { BatonError } from '../errors.js';

export const CONTEXT_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}-\d{6}(?:-\d{1,3})?$/;
const MAX_TOPIC_SLUG = 48;

/** Lowercase ASCII words joined by dashes; accents folded; empty when nothing usable is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TOPIC_SLUG)
    .replace(/-+$/g, '');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD-HHMMSS` in UTC, so two machines in different time zones agree on the order. */
export function stampOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}-${pad(date.getUTCHours())}${pad(
    date.getUTCMinutes(),
  )}${pad(date.getUTCSeconds())}`;
}

export function makeContextId(topic: string, date: Date, fallbackTopic = 'session'): string {
  if (Number.isNaN(date.getTime())) throw new BatonError('invalid_input', 'context id: invalid date');
  const slug = slugify(topic) || slugify(fallbackTopic) || 'session';
  return `${slug}-${stampOf(date)}`;
}

export function isContextId(value: string): boolean {
  return CONTEXT_ID_RE.test(value);
}

/** The topic slug and UTC date a context id encodes, or null for a malformed id. */
export function parseContextId(id: string): { topic: string; date: Date; suffix: number | null } | null {
  const m = /^(.+)-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?$/.exec(id);
  if (!m || !CONTEXT_ID_RE.test(id)) return null;
  const [, topic, y, mo, d, h, mi, s, suffix] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  if (Number.isNaN(date.getTime())) return null;
  return { topic: topic!, date, suffix: suffix === undefined ? null : Number(suffix) };
}
