// Locating transcripts under a Claude config dir: project dir encoding, listing, lookup by id, newest, subagents.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeProjectDir,
  findSubagentFiles,
  findTranscriptById,
  listTranscripts,
  newestTranscript,
  projectsDir,
} from '../../src/core/transcript/index.js';
import { isBatonError } from '../../src/core/errors.js';

const FIX = join(import.meta.dirname, '../fixtures/transcripts/projects/-home-dev-proj');
const S1 = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';
const S2 = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const S3 = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const OTHER = '0d0e0f10-1111-4222-8333-444455556666';
const AGENT = 'a1b14f07db492bea5';

const config = mkdtempSync(join(tmpdir(), 'baton-locate-'));
const proj = join(config, 'projects', '-home-dev-proj');
const other = join(config, 'projects', '-srv-app');
const at = (iso: string) => new Date(iso);

beforeAll(() => {
  mkdirSync(join(proj, S1, 'subagents', 'group-1'), { recursive: true });
  mkdirSync(other, { recursive: true });
  for (const id of [S1, S2, S3]) copyFileSync(join(FIX, `${id}.jsonl`), join(proj, `${id}.jsonl`));
  copyFileSync(
    join(FIX, S1, 'subagents', `agent-${AGENT}.jsonl`),
    join(proj, S1, 'subagents', `agent-${AGENT}.jsonl`),
  );
  writeFileSync(join(proj, S1, 'subagents', 'group-1', 'agent-nested01.jsonl'), '');
  writeFileSync(join(proj, S1, 'subagents', 'notes.txt'), 'not a transcript');
  writeFileSync(join(other, `${OTHER}.jsonl`), '{"type":"user"}\n');
  writeFileSync(join(other, 'readme.md'), 'not a transcript');
  utimesSync(join(proj, `${S1}.jsonl`), at('2026-11-20T10:00:00Z'), at('2026-11-20T10:00:00Z'));
  utimesSync(join(proj, `${S2}.jsonl`), at('2026-11-22T10:00:00Z'), at('2026-11-22T10:00:00Z'));
  utimesSync(join(proj, `${S3}.jsonl`), at('2026-11-21T10:00:00Z'), at('2026-11-21T10:00:00Z'));
  utimesSync(join(other, `${OTHER}.jsonl`), at('2026-11-23T10:00:00Z'), at('2026-11-23T10:00:00Z'));
});
afterAll(() => rmSync(config, { recursive: true, force: true }));

describe('encodeProjectDir', () => {
  it('replaces every non-alphanumeric character with a dash', () => {
    expect(encodeProjectDir('/home/dev/proj')).toBe('-home-dev-proj');
    expect(encodeProjectDir('/Users/me/my_app.v2 (copy)')).toBe('-Users-me-my-app-v2--copy-');
    expect(encodeProjectDir('C:\\Users\\me\\proj')).toBe('C--Users-me-proj');
  });

  it("cuts names over 200 characters and appends Claude Code's hash of the full path", () => {
    const cwd = `/home/dev/${'very-long-directory-name/'.repeat(10)}proj`;
    const name = encodeProjectDir(cwd);
    // Hash computed independently (Python port of the client's 32-bit string hash): 2e8xs8.
    expect(name).toBe(`${cwd.replace(/[^a-zA-Z0-9]/g, '-').slice(0, 200)}-2e8xs8`);
    expect(name).toHaveLength(207);
  });
});

describe('locating transcripts', () => {
  it('projectsDir is <configDir>/projects', () => {
    expect(projectsDir('/home/dev/.claude')).toBe('/home/dev/.claude/projects');
  });

  it('lists main session files only, newest first, with mtime and size', async () => {
    const list = await listTranscripts(config);
    expect(list.map((t) => [t.sessionId, t.projectDir])).toEqual([
      [OTHER, '-srv-app'],
      [S2, '-home-dev-proj'],
      [S3, '-home-dev-proj'],
      [S1, '-home-dev-proj'],
    ]);
    expect(list[1]!.path).toBe(join(proj, `${S2}.jsonl`));
    expect(list[1]!.size).toBe(statSync(join(FIX, `${S2}.jsonl`)).size);
    expect(list[1]!.mtime.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('finds a transcript by session id', async () => {
    expect(await findTranscriptById(S3, config)).toBe(join(proj, `${S3}.jsonl`));
    expect(await findTranscriptById(OTHER, config)).toBe(join(other, `${OTHER}.jsonl`));
    expect(await findTranscriptById('00000000-0000-4000-8000-000000000000', config)).toBeNull();
    await expect(findTranscriptById('../../etc/passwd', config)).rejects.toSatisfy(
      (e) => isBatonError(e) && e.code === 'invalid_input',
    );
  });

  it("prefers the newest transcript of the cwd's project", async () => {
    expect((await newestTranscript(config, '/home/dev/proj'))?.sessionId).toBe(S2);
    expect((await newestTranscript(config))?.sessionId).toBe(OTHER);
    expect((await newestTranscript(config, '/nowhere/else'))?.sessionId).toBe(OTHER);
  });

  it('returns nothing for a config dir without projects', async () => {
    const empty = join(config, 'empty');
    expect(await listTranscripts(empty)).toEqual([]);
    expect(await newestTranscript(empty, '/home/dev/proj')).toBeNull();
    expect(await findTranscriptById(S1, empty)).toBeNull();
  });

  it('finds subagent files, including nested ones', async () => {
    expect(await findSubagentFiles(join(proj, `${S1}.jsonl`))).toEqual([
      { path: join(proj, S1, 'subagents', `agent-${AGENT}.jsonl`), agentId: AGENT },
      { path: join(proj, S1, 'subagents', 'group-1', 'agent-nested01.jsonl'), agentId: 'nested01' },
    ]);
    expect(await findSubagentFiles(join(proj, `${S3}.jsonl`))).toEqual([]);
  });
});
