// The rows every export format's header and trailer share: totals, tools, subagent usage, redaction, skipped lines.
import { formatCost as formatCostAs } from '../format/cost.js';
import { formatInt } from '../format/count.js';
import { formatDuration as formatDurationAs } from '../format/duration.js';
import type { ReadStats, SessionMeta, SessionTotals } from '../model/session.js';

export { formatInt };

/** The one cost rule (`$0.0025` under a cent, cents above): see core/format/cost.ts. */
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

/** The session's metadata rows every export shows (text, PDF, Word), empty ones left out, each on one line. */
export function metaFields(meta: SessionMeta, withTitle: boolean): Array<[string, string]> {
  const rows: Array<[string, string | undefined]> = [
    ['Title', withTitle ? meta.title : undefined],
    ['Session', meta.id],
    ['Project', meta.project],
    ['Directory', meta.cwd],
    ['Branch', meta.gitBranch],
    ['Models', meta.models.join(', ') || undefined],
    ['Started', meta.startedAt],
    ['Ended', meta.endedAt],
    ['Claude Code', meta.claudeVersion],
    ['Forked from', meta.parentSessionId],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
    .map(([k, v]) => [k, v.replace(/\s+/g, ' ')]);
}
