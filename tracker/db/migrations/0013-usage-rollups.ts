// Migration 13 (issue 14): usage rollups, and the own cost indexed, so a usage report reads rollup rows and an index
// walk instead of every session of the user. Triggers only APPEND each write's change to a delta log; a fold
// (repositories/usage-fold.ts) moves the log into the rollups before a report and every minute. Triggers that
// updated the rollups directly made every concurrent push of a user wait on the same rollup rows until commit (and
// deadlock on PostgreSQL): 12,600 events/s fell to 600.
import type { Migration } from './types.js';

/**
 * A column's own part, `r` the row prefix (`NEW.`, `OLD.` or none): a fork's totals include the history it copied
 * from its parent (the `inherited_*` columns, zero on other sessions), so a sum over parent and fork would count that
 * history twice without the subtraction. The one definition: the triggers below and the repository use it.
 */
export const ownSql = (col: string, r = '') =>
  `CASE WHEN ${r}${col} > ${r}inherited_${col} THEN ${r}${col} - ${r}inherited_${col} ELSE 0 END`;

/** The own cost; NULL when the session's cost is unknown (a model without a price). */
export const ownCostSql = (r = '') =>
  `CASE WHEN ${r}cost_usd IS NULL THEN NULL WHEN ${r}cost_usd > ${r}inherited_cost_usd THEN ${r}cost_usd - ${r}inherited_cost_usd ELSE 0 END`;

/** When a session counts: its start, or its first stored activity (a session not started yet). */
export const atSql = (r = '') => `COALESCE(${r}started_at, ${r}activity_at)`;

/** The UTC day a session counts on (migration 12's key). */
export const daySql = (r = '') => `(${atSql(r)} / 86400000)`;

const TOKENS = ['tokens_input', 'tokens_output', 'tokens_cache_read', 'tokens_cache_write'] as const;

interface Dialect {
  bigint: string;
  /** An auto-numbered primary key column. */
  identity: string;
  withoutRowid: string;
  /** Whole nano-dollars of a REAL: the rollup adds and subtracts integers, so it never drifts as floats would. */
  nanos: (real: string) => string;
  /** Planner statistics the costliest walk needs (PostgreSQL). */
  stats: string[];
  triggers: string[];
}

/**
 * The rollups: each sums the same figures at one grain, so every report shape reads a few hundred rows at most (all
 * time by project or model: usage_totals; by day: usage_days; a project's days, or any other range: usage_daily).
 * Primary keys cannot hold NULL: a session without a project or model rolls up under ''.
 */
const KEY = {
  day: (r: string) => daySql(r),
  project_key: (r: string) => `COALESCE(${r}project_id, '')`,
  model_key: (r: string) => `COALESCE(${r}main_model, '')`,
};
type Key = keyof typeof KEY;
const SESSION_ROLLUPS: Array<{ table: string; keys: Key[] }> = [
  { table: 'usage_daily', keys: ['day', 'project_key', 'model_key'] },
  { table: 'usage_days', keys: ['day'] },
  { table: 'usage_totals', keys: ['project_key', 'model_key'] },
];
// session_tools rows carry their session's day already (migration 12).
const TOOL_KEY = {
  day: (r: string) => `${r}day`,
  project_key: (r: string) => `COALESCE(${r}project_id, '')`,
  tool: (r: string) => `${r}tool`,
};
type ToolKey = keyof typeof TOOL_KEY;
const TOOL_ROLLUPS: Array<{ table: string; keys: ToolKey[] }> = [
  { table: 'usage_tools_daily', keys: ['day', 'project_key', 'tool'] },
  { table: 'usage_tool_days', keys: ['day', 'tool'] },
  { table: 'usage_tools', keys: ['project_key', 'tool'] },
];

const FIGURES = ['sessions', ...TOKENS, 'cost_nanos', 'unpriced'] as const;
/** Row `r`'s own figures, in FIGURES order. */
const figuresOf = (t: Dialect, r: string) => [
  '1',
  ...TOKENS.map((c) => ownSql(c, r)),
  `COALESCE(${t.nanos(ownCostSql(r))}, 0)`,
  `CASE WHEN ${r}cost_usd IS NULL THEN 1 ELSE 0 END`,
];

interface Rollup {
  table: string;
  /** Key column -> its value from row prefix r. */
  keys: Array<[string, (r: string) => string]>;
  /** Summed column -> row r's contribution. */
  sums: Array<[string, (r: string) => string]>;
  /** The column whose zero means no source row counts here any more. */
  count: string;
}

const sessionRollup = (t: Dialect, spec: { table: string; keys: Key[] }): Rollup => ({
  table: spec.table,
  keys: [
    ['user_id', (r) => `${r}user_id`],
    ...spec.keys.map((k): [string, (r: string) => string] => [k, KEY[k]]),
  ],
  sums: FIGURES.map((c, i) => [c, (r) => figuresOf(t, r)[i]!]),
  count: 'sessions',
});
const toolRollup = (spec: { table: string; keys: ToolKey[] }): Rollup => ({
  table: spec.table,
  keys: [
    ['user_id', (r) => `${r}user_id`],
    ...spec.keys.map((k): [string, (r: string) => string] => [k, TOOL_KEY[k]]),
  ],
  sums: [['calls', (r) => `${r}own_count`]],
  count: 'calls',
});

const keyList = (u: Rollup) => u.keys.map(([c]) => c).join(', ');

/**
 * The delta log of a family of rollups: the finest grain's keys and the figures, one row per change (a session's old
 * part negated, its new part), appended by the triggers and folded into every grain by usage-fold.ts.
 */
export interface DeltaLog {
  table: string;
  /** Key columns after user_id, the finest grain's. */
  keys: string[];
  figures: string[];
  /** The figure whose zero means no source row counts in a rollup row any more. */
  count: string;
  /** Each rollup table and its key columns after user_id (a subset of the log's keys). */
  grains: Array<{ table: string; keys: string[] }>;
}

const deltaRow = (u: Rollup, r: string, sign: '' | '-') =>
  `INSERT INTO ${u.table} (${keyList(u)}, ${u.sums.map(([c]) => c).join(', ')})
    SELECT ${u.keys.map(([, v]) => v(r)).join(', ')}, ${u.sums.map(([, v]) => `${sign}(${v(r)})`).join(', ')}
    WHERE ${r}deleted_at IS NULL`;
/** Appends row `r`'s own figures to the log (a trashed session counts nowhere). */
const add = (u: Rollup, r: string) => deltaRow(u, r, '');
/** Appends row `r`'s own figures negated: its old part leaves the rollups at the next fold. */
const sub = (u: Rollup, r: string) => deltaRow(u, r, '-');

const create = (t: Dialect, u: Rollup) => `CREATE TABLE ${u.table} (
    user_id TEXT NOT NULL,
    ${u.keys
      .slice(1)
      .map(([c]) => `${c} ${c === 'day' ? t.bigint : 'TEXT'} NOT NULL`)
      .join(',\n    ')},
    ${u.sums.map(([c]) => `${c} ${t.bigint} NOT NULL`).join(',\n    ')},
    PRIMARY KEY (${keyList(u)})
  )${t.withoutRowid}`;

/** An append-only log: no key a concurrent writer could also be updating, so appends never wait on each other. */
const createLog = (t: Dialect, u: Rollup) => `CREATE TABLE ${u.table} (
    id ${t.identity},
    user_id TEXT NOT NULL,
    ${u.keys
      .slice(1)
      .map(([c]) => `${c} ${c === 'day' ? t.bigint : 'TEXT'} NOT NULL`)
      .join(',\n    ')},
    ${u.sums.map(([c]) => `${c} ${t.bigint} NOT NULL`).join(',\n    ')}
  )`;

const backfill = (u: Rollup, from: string) =>
  `INSERT INTO ${u.table} (${keyList(u)}, ${u.sums.map(([c]) => c).join(', ')})
    SELECT ${u.keys.map(([, v]) => v('')).join(', ')}, ${u.sums.map(([, v]) => `SUM(${v('')})`).join(', ')}
    FROM ${from} WHERE deleted_at IS NULL
    GROUP BY ${u.keys.map(([, v]) => v('')).join(', ')}
    HAVING SUM(${u.sums.find(([c]) => c === u.count)![1]('')}) <> 0`;

/** Only an update that moves a session's figures or scope touches the rollups (not each activity stamp). */
const SESSION_CHANGED = [
  'user_id',
  'project_id',
  'main_model',
  ...TOKENS,
  ...TOKENS.map((c) => `inherited_${c}`),
  'cost_usd',
  'inherited_cost_usd',
]
  .map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`)
  .concat([
    `(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)`,
    `${daySql('OLD.')} IS DISTINCT FROM ${daySql('NEW.')}`,
  ])
  .join(' OR ');
const TOOL_CHANGED = ['user_id', 'project_id', 'day', 'tool', 'own_count']
  .map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`)
  .concat([`(OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)`])
  .join(' OR ');

const sessionRollups = (t: Dialect) => SESSION_ROLLUPS.map((s) => sessionRollup(t, s));
const toolRollups = () => TOOL_ROLLUPS.map(toolRollup);
/** The logs are shaped like the finest grain of their rollups (usage-fold.ts sums them into every grain). */
const sessionLog = (t: Dialect) => ({ ...sessionRollup(t, SESSION_ROLLUPS[0]!), table: 'usage_deltas' });
const toolLog = () => ({ ...toolRollup(TOOL_ROLLUPS[0]!), table: 'usage_tool_deltas' });

export const SESSION_LOG: DeltaLog = {
  table: 'usage_deltas',
  keys: SESSION_ROLLUPS[0]!.keys,
  figures: [...FIGURES],
  count: 'sessions',
  grains: SESSION_ROLLUPS,
};
export const TOOL_LOG: DeltaLog = {
  table: 'usage_tool_deltas',
  keys: TOOL_ROLLUPS[0]!.keys,
  figures: ['calls'],
  count: 'calls',
  grains: TOOL_ROLLUPS,
};

const statements = (t: Dialect): string[] => [
  ...sessionRollups(t).map((u) => create(t, u)),
  ...toolRollups().map((u) => create(t, u)),
  createLog(t, sessionLog(t)),
  createLog(t, toolLog()),
  `CREATE INDEX usage_deltas_user ON usage_deltas(user_id)`,
  `CREATE INDEX usage_tool_deltas_user ON usage_tool_deltas(user_id)`,
  // A project's reports: its rows without walking every project's.
  `CREATE INDEX usage_daily_project ON usage_daily(user_id, project_key, day)`,
  `CREATE INDEX usage_tools_daily_project ON usage_tools_daily(user_id, project_key, day, tool, calls)`,
  // The fold drops rollup rows no session counts in any more; these find them without reading the user's others.
  ...[...sessionRollups(t), ...toolRollups()].map(
    (u) => `CREATE INDEX ${u.table}_empty ON ${u.table}(user_id) WHERE ${u.count} = 0`,
  ),
  ...sessionRollups(t).map((u) => backfill(u, 'sessions')),
  ...toolRollups().map((u) => backfill(u, 'session_tools')),
  ...t.triggers,
  // The costliest list: the top few of a user's sessions by own cost are an index walk that stops early; the filter
  // columns trail, so a project or date filter is checked in the index. Same expression text as the repository's.
  `CREATE INDEX sessions_costliest ON sessions(user_id, (${ownCostSql()}), pk, project_id, started_at, activity_at)
    WHERE deleted_at IS NULL`,
  ...t.stats,
];

/** The statements of one trigger body, per operation: log the old row's part negated, and the new row's part. */
const body = (us: Rollup[], op: 'insert' | 'delete' | 'update') => [
  ...(op === 'insert' ? [] : us.map((u) => sub(u, 'OLD.'))),
  ...(op === 'delete' ? [] : us.map((u) => add(u, 'NEW.'))),
];

const sqliteTriggers = (t: Omit<Dialect, 'triggers'>): string[] => {
  const d: Dialect = { ...t, triggers: [] };
  const changed = (s: string) => s.replaceAll('IS DISTINCT FROM', 'IS NOT');
  const of = (
    name: string,
    table: string,
    us: Rollup[],
    when: Record<'insert' | 'delete' | 'update', string>,
  ) =>
    (['insert', 'delete', 'update'] as const).map(
      (op) =>
        `CREATE TRIGGER ${name}_${op} AFTER ${op.toUpperCase()} ON ${table} FOR EACH ROW WHEN ${when[op]}
      BEGIN ${body(us, op).join('; ')}; END`,
    );
  return [
    ...of('usage_sessions', 'sessions', [sessionLog(d)], {
      insert: 'NEW.deleted_at IS NULL',
      delete: 'OLD.deleted_at IS NULL',
      update: changed(SESSION_CHANGED),
    }),
    ...of('usage_session_tools', 'session_tools', [toolLog()], {
      insert: 'NEW.deleted_at IS NULL',
      delete: 'OLD.deleted_at IS NULL',
      update: changed(TOOL_CHANGED),
    }),
  ];
};

const postgresTriggers = (t: Omit<Dialect, 'triggers'>): string[] => {
  const d: Dialect = { ...t, triggers: [] };
  const of = (name: string, table: string, us: Rollup[], changed: string) => [
    `CREATE FUNCTION ${name}_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${body(us, 'insert').join('; ')};
        ELSIF TG_OP = 'DELETE' THEN ${body(us, 'delete').join('; ')};
        ELSE ${body(us, 'update').join('; ')};
        END IF;
        RETURN NULL;
      END $$`,
    `CREATE TRIGGER ${name}_write AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}_apply()`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed})
      EXECUTE FUNCTION ${name}_apply()`,
  ];
  return [
    ...of('usage_sessions', 'sessions', [sessionLog(d)], SESSION_CHANGED),
    ...of('usage_session_tools', 'session_tools', [toolLog()], TOOL_CHANGED),
  ];
};

const SQLITE = {
  bigint: 'INTEGER',
  identity: 'INTEGER PRIMARY KEY',
  withoutRowid: ' WITHOUT ROWID',
  nanos: (x: string) => `CAST(ROUND((${x}) * 1000000000) AS INTEGER)`,
  stats: [],
};
const POSTGRES = {
  bigint: 'BIGINT',
  identity: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  withoutRowid: '',
  // Through NUMERIC: rounds half away from zero like SQLite's ROUND (a double's tie rule is the platform's).
  nanos: (x: string) => `CAST(ROUND(CAST((${x}) AS NUMERIC) * 1000000000) AS BIGINT)`,
  // Without statistics on the day expression a date range is guessed at 0.5% of the rows, and a 30-day costliest
  // list seq-scans and sorts every session (16 ms at 10k) instead of walking sessions_costliest (0.2 ms).
  stats: [`CREATE STATISTICS sessions_usage_at ON (${atSql()}) FROM sessions`],
};

export const migration0013: Migration = {
  version: 13,
  name: 'usage-rollups',
  sqlite: statements({ ...SQLITE, triggers: sqliteTriggers(SQLITE) }),
  postgres: statements({ ...POSTGRES, triggers: postgresTriggers(POSTGRES) }),
};
