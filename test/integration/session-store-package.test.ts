// `baton/session-store` as a program outside this repository sees it: resolved by package name through package.json
// `exports` (dist/session-store.js and its generated .d.ts), run against a real tracker, typed against the real SDK.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../e2e/helpers/claude-binary.js';
import { agentSdkDir } from '../e2e/helpers/agent-sdk.js';
import { startTracker, type TestTracker } from '../tracker/helpers/harness.js';

const dist = (f: string) => join(repoRoot, 'dist', f);

describe('baton/session-store from another project', () => {
  let tracker: TestTracker;
  let project: string;

  beforeAll(async () => {
    if (!existsSync(dist('session-store.js')) || !existsSync(dist('session-store.d.ts')))
      throw new Error('dist/session-store.js or .d.ts missing: run `node scripts/build.mjs` first');
    tracker = await startTracker('sqlite');
    project = mkdtempSync(join(tmpdir(), 'baton-consumer-'));
    mkdirSync(join(project, 'node_modules'));
    // As `npm install <path-to-baton>` links it.
    symlinkSync(repoRoot, join(project, 'node_modules', 'baton'), 'dir');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
  });
  afterAll(async () => {
    await tracker?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('imports by package name and round-trips a session through the tracker', async () => {
    writeFileSync(
      join(project, 'main.mjs'),
      `import { createTrackerSessionStore } from 'baton/session-store';
const store = createTrackerSessionStore();
const key = { projectKey: 'consumer', sessionId: 'c0ffee00-0000-4000-8000-000000000001' };
const entries = [{ type: 'user', uuid: 'u-1', message: { role: 'user', content: 'hi' } }];
await store.append(key, entries);
const loaded = await store.load(key);
const listed = await store.listSessions('consumer');
await store.close();
console.log(JSON.stringify({ loaded, listed: listed.map((s) => s.sessionId) }));
`,
    );
    // Not execFileSync: the tracker answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, ['main.mjs'], {
      cwd: project,
      env: {
        PATH: process.env.PATH,
        HOME: project,
        BATON_URL: tracker.url,
        BATON_API_KEY: tracker.ownerKey,
      },
    });
    expect(JSON.parse(stdout)).toEqual({
      loaded: [{ type: 'user', uuid: 'u-1', message: { role: 'user', content: 'hi' } }],
      listed: ['c0ffee00-0000-4000-8000-000000000001'],
    });
  });

  it('the shipped types resolve by package name, catch misuse, and (when the SDK is cached) fit its SessionStore', () => {
    const sdk = join(agentSdkDir(), 'node_modules', '@anthropic-ai', 'claude-agent-sdk');
    const withSdk = existsSync(join(sdk, 'sdk.d.ts'));
    if (withSdk) {
      mkdirSync(join(project, 'node_modules', '@anthropic-ai'), { recursive: true });
      symlinkSync(sdk, join(project, 'node_modules', '@anthropic-ai', 'claude-agent-sdk'), 'dir');
    } else
      process.stderr.write(
        'session-store-package: Agent SDK not cached, its SessionStore type not checked\n',
      );
    const good = `import { createTrackerSessionStore, type TrackerSessionStore } from 'baton/session-store';
${withSdk ? "import type { SessionStore } from '@anthropic-ai/claude-agent-sdk';" : ''}
const store: TrackerSessionStore = createTrackerSessionStore({ url: 'http://127.0.0.1:1', key: 'k', redact: true });
${withSdk ? 'const forSdk: SessionStore = store;\nvoid forSdk;' : ''}
export const n: number = store.pending();
`;
    writeFileSync(join(project, 'good.ts'), good);
    writeFileSync(
      join(project, 'bad.ts'),
      `import { createTrackerSessionStore } from 'baton/session-store';
createTrackerSessionStore({ url: 42 });
`,
    );
    const tsc = (file: string) =>
      spawnSync(
        process.execPath,
        [
          join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--skipLibCheck',
          '--types',
          'node',
          '--typeRoots',
          join(repoRoot, 'node_modules', '@types'),
          file,
        ],
        { cwd: project, encoding: 'utf8' },
      );
    const ok = tsc('good.ts');
    expect(ok.stdout + ok.stderr, 'good.ts').toBe('');
    expect(ok.status).toBe(0);
    const bad = tsc('bad.ts');
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/bad\.ts\(2,.*number.*string/);
  });
});
