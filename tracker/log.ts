// Tracker logs to a writer (stderr by default: stdout is the CLI's own output), as JSON lines for production or as
// short human lines for someone running `npm start` in a terminal.
import { z } from 'zod';
import type { LogLevel } from './config.js';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const LogFormat = z.enum(['human', 'json']);
export type LogFormat = z.infer<typeof LogFormat>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * The per-request access line (app.ts logs one at info for every request). JSON keeps it at info, where log
 * collectors want it; in a terminal it buried the owner key, so the human format shows it only at debug level.
 */
const ACCESS_LINE = 'request';

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
  format: LogFormat = 'json',
): Logger {
  const min = RANK[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (format === 'human' && msg === ACCESS_LINE && lvl === 'info') {
      if (RANK.debug >= min) write(`${clock()} ${accessLine(fields ?? {})}\n`);
      return;
    }
    if (RANK[lvl] < min) return;
    if (format === 'human') write(`${clock()} ${lvl.padEnd(5)} ${msg}${humanFields(fields)}\n`);
    else write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

const clock = () => new Date().toTimeString().slice(0, 8);

/** `GET /api/v1/sessions 200 3.1ms`: one compact line per request. */
function accessLine(f: Record<string, unknown>): string {
  return `${String(f.method ?? '?')} ${String(f.path ?? '?')} ${String(f.status ?? '?')} ${String(f.ms ?? '?')}ms`;
}

function humanFields(fields: Record<string, unknown> | undefined): string {
  if (!fields) return '';
  const parts = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

export const silentLogger: Logger = createLogger('silent');
