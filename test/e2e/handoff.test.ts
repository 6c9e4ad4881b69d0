// E2E: /baton:end in a real claude session hands off; a NEW session on "another machine" gets it with /baton:start.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/handoff/index.js';
import { git } from '../helpers/handoff-session.js';
import { startTestTracker, type TestTracker } from '../helpers/handoff-tracker.js';
import { nonce } from './helpers/assertions.js';
import { repoRoot } from './helpers/claude-binary.js';
import {
  lastToolResults,
  startFakeAnthropic,
  type FakeAnthropic,
  type RecordedRequest,
} from './helpers/fake-anthropic.js';
import { createSandbox, runClaudeOk, type ClaudeOkRun, type ClaudeSandbox } from './helpers/run-claude.js';
import { claudeBin, claudeVersion, describeClaude, requireDist } from './helpers/setup.js';
import { END_MARKER, endReply } from './helpers/handoff-model.js';

/** BATON_E2E_PLUGIN_DIR runs another copy of the plugin (e.g. one with a freshly built dist/). */
const pluginDir = process.env.BATON_E2E_PLUGIN_DIR || repoRoot;
function messagesCalls(fake: FakeAnthropic): RecordedRequest[] {
  return fake.requests.filter((r) => r.path === '/v1/messages' && r.stream);
}

describeClaude('e2e: /baton:end then /baton:start on another machine', () => {
  const n = nonce();
  const narrative = [
    '## Session summary',
    `Notes file drafted (marker ${n}).`,
    '## Accomplished',
    '- Drafted notes.txt',
    '## Key decisions',
    '- Plain text over Markdown for the notes.',
    '## Next steps',
    `1. Review notes.txt and extend it (next-${n}).`,
  ].join('\n');
  let fake: FakeAnthropic;
  let tracker: TestTracker;
  let a: ClaudeSandbox;
  let b: ClaudeSandbox;
  let c: ClaudeSandbox;
  let sessionId: string;
  let endRun: ClaudeOkRun;
  let endRequests: RecordedRequest[];
  let contextB: string;
  let contextC: string;

  beforeAll(async () => {
    if (pluginDir === repoRoot) requireDist('hook.cjs', 'cli.js');
    fake = await startFakeAnthropic();
    tracker = await startTestTracker();
    a = createSandbox('baton-e2e-handoff-a-');
    b = createSandbox('baton-e2e-handoff-b-');
    c = createSandbox('baton-e2e-handoff-c-');
    await git(a.projectDir, a.home, 'init', '-q', '-b', 'main');
    writeFileSync(join(a.projectDir, 'README.md'), '# project\n');
    await git(a.projectDir, a.home, 'add', '.');
    await git(a.projectDir, a.home, 'commit', '-q', '-m', 'initial');
    const trackerEnv = { BATON_URL: tracker.url, BATON_API_KEY: tracker.apiKey };

    // Machine A: some work, then /baton:end in the same session.
    const base = { bin: claudeBin, sandbox: a, fake, pluginDir, env: trackerEnv };
    sessionId = (await runClaudeOk({ ...base, prompt: `RUN_BASH: echo draft-${n} > notes.txt` })).sessionId;
    fake.enqueue({
      match: (r) => r.stream === true && (r.lastUserText ?? '').includes(END_MARKER),
      reply: endReply(narrative, 'notes draft'),
    });
    const before = messagesCalls(fake).length;
    // No --allowedTools: the command's allowed-tools must cover both its !`…` line and the model's heredoc call.
    endRun = await runClaudeOk({
      ...base,
      prompt: '/baton:end notes draft',
      resume: sessionId,
      allowedTools: [],
    });
    endRequests = messagesCalls(fake).slice(before);

    // Machine B: a fresh HOME sharing only the data dir and the tracker; machine C shares only the tracker.
    const startB = messagesCalls(fake).length;
    await runClaudeOk({
      bin: claudeBin,
      sandbox: b,
      fake,
      pluginDir,
      cwd: a.projectDir,
      prompt: '/baton:start',
      allowedTools: [],
      env: { ...trackerEnv, BATON_DATA_DIR: a.dataDir },
    });
    contextB = messagesCalls(fake)[startB]?.lastUserText ?? '';
    const startC = messagesCalls(fake).length;
    await runClaudeOk({
      bin: claudeBin,
      sandbox: c,
      fake,
      pluginDir,
      cwd: a.projectDir,
      prompt: '/baton:start',
      allowedTools: [],
      env: trackerEnv,
    });
    contextC = messagesCalls(fake)[startC]?.lastUserText ?? '';
  }, 300_000);

  afterAll(async () => {
    await fake?.close();
    await tracker?.close();
    for (const sb of [a, b, c]) sb?.cleanup();
  });

  it('/baton:end gathered the facts through the CLI and the model stored its narrative with one allowed Bash call', () => {
    expect(endRun.sessionId).toBe(sessionId);
    expect(endRun.result.permission_denials ?? []).toEqual([]);
    const facts = endRequests[0]?.lastUserText ?? '';
    expect(facts).toContain(END_MARKER);
    expect(facts).toContain('Dry run for handoff');
    expect(facts).toContain(`sessionId: ${sessionId}`);
    expect(facts).toContain('notes.txt');
    const result = lastToolResults(endRequests[1]?.body)[0];
    expect(result?.isError).toBe(false);
    expect(result?.text).toMatch(/^Handoff notes-draft-\d{4}-\d{2}-\d{2}-\d{6} saved\./);
    expect(result?.text).toContain(`Tracker:   synced to ${tracker.url}`);
    expect(result?.text).toContain('Narrative: complete');
  });

  it('the document is stored locally and on the tracker with facts, narrative and the resume command', async () => {
    const index = JSON.parse(readFileSync(join(a.dataDir, 'handoffs', 'index.json'), 'utf8'));
    const entry = index.entries[0];
    expect(entry.sessionId).toBe(sessionId);
    const file = join(a.dataDir, 'handoffs', entry.file);
    expect(existsSync(file)).toBe(true);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    expect(doc.meta.claudeVersion).toBe(claudeVersion);
    expect(doc.meta.projects[0]).toMatchObject({ path: a.projectDir, branch: 'main' });
    expect(doc.sections.files).toContain('`notes.txt`');
    expect(doc.sections.nextSteps).toContain(`next-${n}`);
    expect(doc.sections.resume).toContain(`claude --resume ${sessionId}`);
    const res = await fetch(`${tracker.url}/api/v1/handoffs?limit=10`, {
      headers: { authorization: `Bearer ${tracker.apiKey}` },
    });
    const { handoffs } = (await res.json()) as { handoffs: { sessionId: string }[] };
    expect(handoffs.map((h) => h.sessionId)).toEqual([sessionId]);
  });

  it('/baton:start in a new session on another machine puts the handoff into its context (shared data dir)', () => {
    expect(contextB).toContain(`next-${n}`);
    expect(contextB).toContain(`marker ${n}`);
    expect(contextB).toContain(`claude --resume ${sessionId}`);
  });

  it('/baton:start with only the tracker shared fetches it from the tracker', () => {
    expect(contextC).toContain(`next-${n}`);
    expect(contextC).toContain(`claude --resume ${sessionId}`);
    expect(existsSync(join(c.dataDir, 'handoffs', 'index.json'))).toBe(true);
  });

  it('the printed resume command resumes the original session', async () => {
    const m = /cd (\S+) && claude --resume (\S+)/.exec(contextB);
    expect(m).not.toBeNull();
    const [, dir, id] = m!;
    const resumed = await runClaudeOk({
      bin: claudeBin,
      sandbox: a,
      fake,
      pluginDir,
      cwd: dir,
      resume: id,
      prompt: `after the handoff ${n}`,
    });
    expect(resumed.sessionId).toBe(sessionId);
  });
});
