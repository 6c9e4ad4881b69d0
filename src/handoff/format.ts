// Small text formatters shared by the handoff renderers (durations, counts, shell quoting).
import { formatCount as formatCountAs } from '../core/format/count.js';
import { formatDuration as formatDurationAs } from '../core/format/duration.js';
import { codeSpan, fenceFor } from '../core/format/markdown-text.js';

/** Handoffs round to the minute (`1h 05m`): see the styles in core/format/duration.ts. */
export function formatDuration(ms: number): string {
  return formatDurationAs(ms, 'minutes');
}

export function formatCount(n: number): string {
  return formatCountAs(n, 'grouped');
}

/** POSIX single-quoting, only when needed, so the printed command can be pasted as is. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function resumeCommand(sessionId: string, cwd: string | null): string {
  const resume = `claude --resume ${shellQuote(sessionId)}`;
  return cwd ? `cd ${shellQuote(cwd)} && ${resume}` : resume;
}

/** Inline code that survives backticks in the value. */
export const code = codeSpan;

export function fence(text: string, lang = ''): string {
  const marker = fenceFor(text);
  return `${marker}${lang}\n${text}\n${marker}`;
}
