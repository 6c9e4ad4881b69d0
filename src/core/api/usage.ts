// Usage report bodies (issue 14): tokens, cost and sessions of the caller's sessions by UTC day, project or model.
import { z } from 'zod';
import { TokenTotals } from '../model/session.js';

export const UsageGroupBy = z.enum(['day', 'project', 'model']);

/** A calendar day in UTC, `YYYY-MM-DD`; checked for being a real date (no 2026-02-30). */
export const UtcDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a UTC day as YYYY-MM-DD')
  // zod runs this even after the pattern failed: an unparseable text must answer false, not throw (a 500).
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(s);
  }, 'not a calendar day');

/** The longest range one report covers: ten years of days keeps a day chart and its table bounded. */
export const MAX_USAGE_DAYS = 3660;

const DAY_MS = 86_400_000;

/** Milliseconds at 00:00 UTC of a `YYYY-MM-DD` day. */
export function utcDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The `YYYY-MM-DD` UTC day of an epoch-millisecond instant. */
export function utcDayOf(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

export const UsageQuery = z
  .object({
    /** First day counted (UTC, inclusive); a session counts on the day it started. */
    from: UtcDay.optional(),
    /** Last day counted (UTC, inclusive). */
    to: UtcDay.optional(),
    /** Project id, slug or name. */
    project: z.string().min(1).max(200).optional(),
    groupBy: UsageGroupBy.default('day'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from is after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || (utcDayStart(q.to) - utcDayStart(q.from)) / DAY_MS < MAX_USAGE_DAYS, {
    message: `the range covers more than ${MAX_USAGE_DAYS} days`,
    path: ['to'],
  });

/** Token, cost and session sums of one group (or of the whole report). */
export const UsageFigures = z.object({
  sessions: z.number().int().nonnegative(),
  /** Each session's own tokens: a fork's inherited history is left out, so parent + fork never counts it twice. */
  tokens: TokenTotals,
  /** Own cost at list prices; null when no session in the group has a known cost. */
  costUsd: z.number().nonnegative().nullable(),
  /** Sessions whose cost is unknown (a model without a price): their tokens are in, their cost is not. */
  unpricedSessions: z.number().int().nonnegative(),
});

export const UsageGroup = UsageFigures.extend({
  /** `YYYY-MM-DD` (day), a project id or `none` (project), a model name or `unknown` (model). */
  key: z.string(),
  /** What to show: the day, the project's name, the model. */
  label: z.string(),
});

export const UsageTool = z.object({ name: z.string(), calls: z.number().int().nonnegative() });

export const CostlySession = z.object({
  id: z.string(),
  title: z.string().nullable(),
  project: z.string().nullable(),
  startedAt: z.string().describe('ISO 8601 timestamp (UTC)'),
  tokens: TokenTotals,
  costUsd: z.number().nonnegative(),
});

export const UsageResponse = z.object({
  from: UtcDay.nullable(),
  to: UtcDay.nullable(),
  /** The project filter as resolved; null when the report covers every project. */
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  groupBy: UsageGroupBy,
  totals: UsageFigures,
  /**
   * Days in order (only days with sessions), projects and models by cost then tokens. A session counts once, on the
   * UTC day it started, for its project, for its main model (the first model it used).
   */
  groups: z.array(UsageGroup),
  /** The most used tools, most calls first (a fork's inherited calls left out). At most 10. */
  tools: z.array(UsageTool).max(10),
  /** The costliest sessions by own cost. At most 10. */
  costliest: z.array(CostlySession).max(10),
});

export type UsageGroupBy = z.infer<typeof UsageGroupBy>;
export type UsageQuery = z.infer<typeof UsageQuery>;
export type UsageFigures = z.infer<typeof UsageFigures>;
export type UsageGroup = z.infer<typeof UsageGroup>;
export type UsageTool = z.infer<typeof UsageTool>;
export type CostlySession = z.infer<typeof CostlySession>;
export type UsageResponse = z.infer<typeof UsageResponse>;
