// How a redaction report reads to the user, the same wherever a session leaves (export, push, sync, live start).
import type { RedactionReport } from '../model/session.js';

/** "redacted 3 secrets (2 aws-secret-key, 1 github-token)", "no secrets found", or the redaction-off warning. */
export function describeRedaction(report: RedactionReport, redacting = true): string {
  if (!redacting)
    return 'WARNING: redaction is off (--no-redact or BATON_REDACT=0): secrets were not removed';
  if (report.total === 0) return 'no secrets found';
  const parts = Object.entries(report.byRule)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, n]) => `${n} ${rule}`);
  return `redacted ${report.total} secret${report.total === 1 ? '' : 's'} (${parts.join(', ')})`;
}
