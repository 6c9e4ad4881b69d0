// The metrics header (and the trailing details) as document blocks: the same rows and formatting as the text export.
import type { RedactionReport, SessionMeta, SessionTotals } from '../../model/session.js';
import {
  MAX_LISTED_FILES,
  formatCost,
  formatDuration,
  formatInt,
  metaFields,
  redactionLine,
  subagentUsageRows,
  toolRows,
} from '../summary-rows.js';
import type { Block } from './model.js';

const oneLine = (s: string): string => s.replace(/\s+/g, ' ');

export function totalsFields(t: SessionTotals): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [
      'Tokens',
      `${formatInt(t.tokens.input)} in, ${formatInt(t.tokens.output)} out, ` +
        `${formatInt(t.tokens.cacheRead)} cache read, ${formatInt(t.tokens.cacheWrite)} cache write`,
    ],
    ['Est. cost', formatCost(t.costUsd)],
    ['Duration', formatDuration(t.durationMs)],
    [
      'Activity',
      `${t.turns} turn(s), ${t.prompts} prompt(s), ${t.messages} message(s), ` +
        `${t.toolCalls} tool call(s) (${t.toolErrors} error(s))`,
    ],
  ];
  const tools = toolRows(t);
  if (tools.length) rows.push(['Tools', tools.map(([n, c]) => `${n} ×${c}`).join(', ')]);
  for (const [call, usage] of subagentUsageRows(t)) rows.push([`Subagent ${call}`, usage]);
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    const more = t.filesTouched.length - shown.length;
    rows.push([
      `Files (${t.filesTouched.length})`,
      shown.join(', ') + (more > 0 ? `, … and ${more} more` : ''),
    ]);
  }
  return rows;
}

/** The top of the document: title, session fields, totals and what redaction did. */
export function headerBlocks(
  meta: SessionMeta,
  totals: SessionTotals,
  redaction: RedactionReport | undefined,
): Block[] {
  const rows = [...metaFields(meta, false), ...totalsFields(totals)];
  if (redaction) rows.push(['Redaction', redactionLine(redaction)]);
  return [
    { kind: 'title', text: oneLine(meta.title || `Session ${meta.id}`) },
    { kind: 'fields', rows },
    { kind: 'rule' },
  ];
}
