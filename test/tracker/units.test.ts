// Pure tracker helpers: search tokenizing/escaping, project slugs, content caps, frontmatter, durations, guards.
import { expect, it } from 'vitest';
import { projectName, projectSlug } from '../../src/core/api/index.js';
import {
  fts5Query,
  SEARCH_DOC_CHARS,
  searchDocuments,
  searchTerms,
} from '../../tracker/db/repositories/session-search.js';
import { withoutNul } from '../../tracker/db/nul.js';
import { exceedsDepth } from '../../tracker/http/validate.js';
import { resolveDbTarget, resolveTrackerConfig } from '../../tracker/config.js';
import { parseFrontmatter } from '../../tracker/services/frontmatter.js';
import { capContent } from '../../tracker/services/ingest.js';
import { generateRawKey, keyPrefix } from '../../tracker/services/keys.js';
import { parseDuration } from '../../tracker/services/time.js';
import { sessionEventItems } from '../../tracker/services/event-rows.js';
import { makeSession } from './helpers/sessions.js';

it('turns search input into plain quoted terms: FTS syntax is data', () => {
  expect(searchTerms('Zebra "parser" OR NOT ze* NEAR(a b)')).toEqual([
    'zebra',
    'parser',
    'or',
    'not',
    'ze',
    'near',
    'a',
    'b',
  ]);
  expect(fts5Query(['a"b', 'c'])).toBe('"a""b" "c"');
  expect(searchTerms('!!! ---')).toEqual([]);
  expect(searchTerms('Grüße 日本語')).toEqual(['grüße', '日本語']);
  expect(searchTerms(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(16);
});

it('groups searchable texts into small documents without splitting short events', () => {
  const texts = Array.from({ length: 50 }, (_, i) => `event ${i} ${'w'.repeat(90)}`);
  const docs = searchDocuments(texts);
  expect(docs.length).toBeGreaterThan(1);
  expect(docs.every((d) => d.length <= SEARCH_DOC_CHARS)).toBe(true);
  expect(docs.join('\n')).toBe(texts.join('\n'));
  const huge = searchDocuments(['x'.repeat(SEARCH_DOC_CHARS * 2 + 5)]);
  expect(huge.map((d) => d.length)).toEqual([SEARCH_DOC_CHARS, SEARCH_DOC_CHARS, 5]);
  expect(searchDocuments(['', '  '])).toEqual([]);
});

it('derives project slugs and names from cwd or project', () => {
  expect(projectSlug({ cwd: '/home/me/Code/My_App!' })).toBe('my-app');
  expect(projectSlug({ cwd: 'C:\\Users\\me\\repo' })).toBe('repo');
  expect(projectSlug({ project: 'Ünïcode Proj', cwd: '/x' })).toBe('unicode-proj');
  expect(projectSlug({ cwd: '/' })).toBeNull();
  expect(projectSlug({ project: '日本' })).toBe('project');
  expect(projectName({ cwd: '/a/b/c/' })).toBe('c');
});

it('caps ingested content with a marker and the original length', () => {
  expect(capContent('short', 10)).toEqual({ text: 'short', originalLength: null });
  const c = capContent('x'.repeat(25), 10);
  expect(c.originalLength).toBe(25);
  expect(c.text).toBe(`${'x'.repeat(10)}\n[truncated: 25 characters, 10 kept]`);
});

it('reads simple frontmatter without ever failing', () => {
  expect(parseFrontmatter('---\na: 1\nb: "two"\nc: [x, \'y\']\nd: true\ne:\n---\nbody')).toEqual({
    frontmatter: { a: 1, b: 'two', c: ['x', 'y'], d: true, e: null },
    body: 'body',
  });
  expect(parseFrontmatter('no fm')).toEqual({ frontmatter: {}, body: 'no fm' });
  expect(parseFrontmatter('---\nnot closed')).toEqual({ frontmatter: {}, body: '---\nnot closed' });
});

it('parses durations and makes keys of the documented shape', () => {
  expect(parseDuration('30d')).toBe(30 * 86_400_000);
  expect(parseDuration('2w')).toBe(14 * 86_400_000);
  expect(parseDuration('0d')).toBeNull();
  expect(parseDuration('1y')).toBeNull();
  const k = generateRawKey();
  expect(k).toMatch(/^bt_[A-Za-z0-9_-]{43}$/);
  expect(keyPrefix(k)).toHaveLength(8);
  expect(generateRawKey()).not.toBe(k);
});

it('guards hostile JSON: depth and NUL', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(exceedsDepth(deep, 64)).toBe(true);
  expect(exceedsDepth({ a: [{ b: 1 }] }, 64)).toBe(false);
  expect(withoutNul({ 'k\u0000': ['a\u0000b'] })).toEqual({ 'k\uFFFD': ['a\uFFFDb'] });
});

it('numbers events by chain position so a longer re-push lines up', () => {
  const short = sessionEventItems(makeSession({ id: 's', turns: 1, withSidechain: true }));
  const long = sessionEventItems(makeSession({ id: 's', turns: 3, withSidechain: true }));
  const key = (xs: typeof short) => xs.map((x) => `${x.event.uuid}@${x.seq}/${x.turnIndex}`);
  for (const k of key(short)) expect(key(long)).toContain(k);
  expect(short.find((x) => x.event.uuid === 's-s0')).toMatchObject({ seq: 0, turnIndex: 0 });
});

it('resolves the database and config from flags and env', () => {
  expect(resolveDbTarget(undefined, { DATABASE_URL: 'postgres://h/db' }, '/d')).toEqual({
    engine: 'postgres',
    url: 'postgres://h/db',
    schema: undefined,
  });
  expect(resolveDbTarget('/tmp/x.db', { DATABASE_URL: 'postgres://h/db' }, '/d')).toEqual({
    engine: 'sqlite',
    file: '/tmp/x.db',
  });
  expect(resolveDbTarget(undefined, {}, '/d')).toEqual({ engine: 'sqlite', file: '/d/tracker.db' });
  expect(() => resolveDbTarget('mysql://x', {}, '/d')).toThrow(/unsupported/);
  const c = resolveTrackerConfig(
    {},
    { HOME: '/h', BATON_TRACKER_TRUST_PROXY: 'true', BATON_TRACKER_MAX_UPLOAD_MB: '2' },
  );
  expect(c).toMatchObject({
    host: '127.0.0.1',
    port: 7878,
    trustProxy: true,
    dataDir: '/h/.local/state/baton',
  });
  expect(c.limits.uploadBodyBytes).toBe(2 * 1024 * 1024);
  expect(Object.isFrozen(c)).toBe(true);
  expect(() => resolveTrackerConfig({ 'tls-cert': 'a' }, {})).toThrow(/both/);
});

it('issue-9: parses the live connection caps and the login rate from the environment (caps at least 1)', () => {
  const d = resolveTrackerConfig({}, {});
  expect(d.live).toEqual({ maxViewersPerStream: 200, maxConnectionsPerAddress: 20 });
  expect(d.loginAttemptsPerMinute).toBe(10);
  const c = resolveTrackerConfig(
    {},
    {
      BATON_TRACKER_LIVE_MAX_VIEWERS: '50',
      BATON_TRACKER_LIVE_MAX_PER_ADDRESS: '5',
      BATON_TRACKER_LOGIN_RATE: '0',
    },
  );
  expect(c.live).toEqual({ maxViewersPerStream: 50, maxConnectionsPerAddress: 5 });
  expect(c.loginAttemptsPerMinute).toBe(0);
  expect(() => resolveTrackerConfig({}, { BATON_TRACKER_LIVE_MAX_VIEWERS: '0' })).toThrow(/at least 1/);
});
