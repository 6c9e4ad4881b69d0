// issue #14: `baton usage` against a real tracker: the table's rows and totals, --json equal to the API's answer,
// the filters passed through, and a bad flag refused before any request.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UsageResponse } from '../../src/core/api/index.js';
import { runBaton } from '../helpers/cli-run.js';
import { makeSession, pushSession } from '../browser/fixtures.js';
import { startWebTracker, type WebTracker } from '../tracker/web-harness.js';

let tracker: WebTracker;
let root: string;
let env: Record<string, string | undefined>;
const baton = (argv: string[]) => runBaton(argv, { env, cwd: root, home: join(root, 'home') });

beforeAll(async () => {
  tracker = await startWebTracker();
  root = mkdtempSync(join(tmpdir(), 'baton-usage-cli-'));
  mkdirSync(join(root, 'home'));
  env = {
    PATH: process.env.PATH,
    HOME: join(root, 'home'),
    BATON_DATA_DIR: join(root, 'data'),
    BATON_CONFIG: join(root, 'config.json'),
    BATON_URL: tracker.url,
    BATON_API_KEY: tracker.ownerKey,
    NO_COLOR: '1',
  };
  const at = [
    ['retry-lib', '2026-11-20T09:00:00Z'],
    ['retry-lib', '2026-11-21T23:59:59Z'],
    ['api-server', '2026-11-22T00:00:00Z'],
  ] as const;
  for (const [project, startedAt] of at)
    await pushSession(tracker.url, tracker.ownerKey, makeSession({ project, startedAt }));
});
afterAll(async () => {
  await tracker?.close();
  rmSync(root, { recursive: true, force: true });
});

it('prints a table by day with a TOTAL row matching the API', async () => {
  const r = await baton(['usage']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[0]).toBe('Usage by day, all projects, all time');
  expect(lines[2]).toMatch(/^DAY\s+SESSIONS\s+INPUT\s+OUTPUT\s+CACHE READ\s+CACHE WRITE\s+TOKENS\s+COST$/);
  // Each fixture session: 12,400 + 3,100 + 90,000 + 4,000 tokens, $0.42.
  expect(lines[3]).toMatch(/^2026-11-20\s+1\s+12,400\s+3,100\s+90,000\s+4,000\s+109,500\s+\$0\.42$/);
  expect(lines[4]).toMatch(/^2026-11-21\s+1\s/);
  expect(lines[5]).toMatch(/^2026-11-22\s+1\s/);
  expect(lines[6]).toMatch(/^TOTAL\s+3\s+37,200\s+9,300\s+270,000\s+12,000\s+328,500\s+\$1\.26$/);
  expect(r.out).toMatch(/Most used tools: Bash 3/);
});

it('--json is the API answer; --project, --from/--to and --group-by reach it', async () => {
  const r = await baton([
    'usage',
    '--json',
    '--project',
    'retry-lib',
    '--from',
    '2026-11-21',
    '--to',
    '2026-11-22',
    '--group-by',
    'project',
  ]);
  expect(r.code).toBe(0);
  const body = UsageResponse.parse(JSON.parse(r.out));
  const api = await fetch(
    `${tracker.url}/api/v1/usage?project=retry-lib&from=2026-11-21&to=2026-11-22&groupBy=project`,
    { headers: { authorization: `Bearer ${tracker.ownerKey}` } },
  );
  expect(body).toEqual(await api.json());
  expect(body.totals.sessions).toBe(1);
  expect(body.groups.map((g) => g.label)).toEqual(['retry-lib']);
});

it('refuses a bad --group-by or date with a message and exit code, and a project it does not know', async () => {
  const week = await baton(['usage', '--group-by', 'week']);
  expect(week.code).not.toBe(0);
  expect(week.err).toMatch(/group-by must be one of day, project, model/);
  const date = await baton(['usage', '--from', '2026-02-30']);
  expect(date.code).not.toBe(0);
  expect(date.err).toMatch(/not a calendar day/);
  const nope = await baton(['usage', '--project', 'nope']);
  expect(nope.code).not.toBe(0);
  expect(nope.err).toMatch(/no project nope/);
});
