// Turns zod issues into one readable line that names the offending field, e.g. `steps[2].options.maxChars`.
import type { z } from 'zod';

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  let field = fieldPath(issue.path);
  // Name the step by its id too: `steps[3]` alone makes the reader count.
  const stepIndex =
    issue.path[0] === 'steps' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  if (stepIndex !== undefined) {
    const steps = (data as { steps?: unknown } | null)?.steps;
    const id = Array.isArray(steps) ? (steps[stepIndex] as { id?: unknown } | undefined)?.id : undefined;
    if (typeof id === 'string') field += ` (step "${id}")`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${field}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${field}: ${issue.message}`;
}

/** `<source>: <field>: <problem>[; <field>: <problem>…]`, at most `max` issues. */
export function formatIssues(
  source: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  max = 3,
): string {
  const parts = issues.slice(0, max).map((i) => describeIssue(i, data));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${source}: ${parts.join('; ')}${more}`;
}
