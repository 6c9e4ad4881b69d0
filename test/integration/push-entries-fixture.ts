// Shared by the push-entries and sync-entries tests: what the tracker stores for a session's transcript files, what
// the files on disk hold, and a transcript with planted secrets and a paused span (issue 12).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TrackerClient } from '../../src/client/index.js';
import { recordPause } from '../../src/capture/session/pause-log.js';
import { fake, fakeJwt, fakePem, upper } from '../helpers/fake-secrets.js';

export type Lines = Array<Record<string, unknown>>;

/** Every stored line of every file of the session, by sub key, in the tracker's order. */
export async function storedEntries(
  client: TrackerClient,
  sessionId: string,
): Promise<Record<string, Lines>> {
  const out: Record<string, Lines> = {};
  const { subKeys } = await client.sessions.listSubkeys(sessionId);
  for (const subKey of subKeys) {
    const lines: Lines = [];
    for (let after = 0; ;) {
      const page = await client.sessions.listEntries(sessionId, { subKey, after, limit: 1000 });
      for (const e of page.entries) lines.push(e.line);
      if (page.next === null) break;
      after = page.next;
    }
    out[subKey] = lines;
  }
  return out;
}

/** A transcript file's records as the mirror should hold them: each parsed line once (a repeated uuid counts once). */
export function fileLines(path: string): Lines {
  const seen = new Set<string>();
  const out: Lines = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const rec = JSON.parse(text) as Record<string, unknown>;
    if (typeof rec.uuid === 'string') {
      if (seen.has(rec.uuid)) continue;
      seen.add(rec.uuid);
    }
    out.push(rec);
  }
  return out;
}

/** Secrets in the shapes developers paste, built at run time (nothing credential-like is committed). */
export const SECRETS = {
  github: fake('ghp_', 36),
  awsId: `AKIA${upper(16)}`,
  awsSecret: fake('', 40, 3),
  jwt: fakeJwt(),
  pem: fakePem(),
};
export const PAUSED_MARK = 'PAUSED-MARK-e41b';
export const AFTER_MARK = 'AFTER-MARK-77c0';
export const SUB_AGENT = 'a9f00000000000001';

const T0 = Date.parse('2026-11-20T09:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

/** One turn of Claude Code records: a prompt, a Bash call, its result (`sec` seconds after T0). */
function turn(
  sid: string,
  cwd: string,
  n: number,
  sec: number,
  prompt: string,
  output: string,
  parent: string | null,
) {
  const base = {
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId: sid,
    version: '2.1.330',
    gitBranch: 'main',
  };
  const u = (k: string) => `${sid.slice(0, 8)}-${k}${n}`;
  return [
    {
      ...base,
      type: 'user',
      uuid: u('u'),
      parentUuid: parent,
      timestamp: at(sec),
      message: { role: 'user', content: prompt },
    },
    {
      ...base,
      type: 'assistant',
      uuid: u('t'),
      parentUuid: u('u'),
      timestamp: at(sec + 1),
      requestId: `req-${n}`,
      message: {
        id: `msg-${n}`,
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [{ type: 'tool_use', id: `tu-${n}`, name: 'Bash', input: { command: 'env | grep KEY' } }],
        usage: { input_tokens: 10, output_tokens: 5 },
      },
    },
    {
      ...base,
      type: 'user',
      uuid: u('r'),
      parentUuid: u('t'),
      timestamp: at(sec + 2),
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `tu-${n}`, content: output }] },
      toolUseResult: { stdout: output, stderr: '', interrupted: false },
    },
  ];
}

const jsonl = (records: object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

export interface PlantedSession {
  sessionId: string;
  path: string;
  subPath: string;
  /** The uuid of the first record after the pause, and the uuid its chain must now point at (before the pause). */
  resumedUuid: string;
  lastBeforePause: string;
}

/**
 * Writes `<projects>/<dir>/<sid>.jsonl` (and one subagent file): turn 1 carries every secret, turn 2 is written while
 * capture is paused (recorded in `dataDir`'s pause log, as /baton:export-session --pause does), turn 3 after resuming.
 */
export function writePlantedSession(
  projects: string,
  dataDir: string,
  sid: string,
  cwd: string,
): PlantedSession {
  const path = join(projects, cwd.replace(/[^a-zA-Z0-9]/g, '-'), `${sid}.jsonl`);
  const subPath = join(dirname(path), sid, 'subagents', `agent-${SUB_AGENT}.jsonl`);
  mkdirSync(dirname(subPath), { recursive: true });
  // Recognisable alone (the AWS secret is only recognisable beside its keyword, as the tool output has it).
  const all = [SECRETS.github, SECRETS.awsId, SECRETS.jwt, SECRETS.pem].join('\n');
  const t1 = turn(
    sid,
    cwd,
    1,
    0,
    `my token is ${SECRETS.github}, why 401?`,
    `AWS_ACCESS_KEY_ID=${SECRETS.awsId}\naws_secret_access_key = ${SECRETS.awsSecret}\n${all}`,
    null,
  );
  writeFileSync(path, jsonl([{ type: 'custom-title', customTitle: 'planted', sessionId: sid }, ...t1]));
  const sub = turn(sid, cwd, 9, 5, `Check the key ${SECRETS.jwt}`, SECRETS.pem, null).map((r) => ({
    ...r,
    isSidechain: true,
    agentId: SUB_AGENT,
  }));
  writeFileSync(subPath, jsonl(sub));
  recordPause(dataDir, sid, true, path, at(59));
  const t2 = turn(sid, cwd, 2, 60, `${PAUSED_MARK} do not keep this`, `${PAUSED_MARK} output`, t1[2]!.uuid);
  appendFileSync(path, jsonl(t2));
  recordPause(dataDir, sid, false, path, at(119));
  const t3 = turn(sid, cwd, 3, 120, `${AFTER_MARK} all done`, 'clean', t2[2]!.uuid);
  appendFileSync(path, jsonl(t3));
  return { sessionId: sid, path, subPath, resumedUuid: t3[0]!.uuid, lastBeforePause: t1[2]!.uuid };
}

/** Every forbidden string that appears anywhere in what the tracker stored. */
export function leaks(stored: Record<string, Lines>): string[] {
  const text = JSON.stringify(stored);
  const forbidden = [
    ...Object.values(SECRETS).flatMap((s) =>
      // A PEM block's BEGIN/END lines are not the secret; its body lines are.
      s.split('\n').filter((l) => l.length > 12 && !l.startsWith('-----')),
    ),
    PAUSED_MARK,
  ];
  return forbidden.filter((s) => text.includes(s) || text.includes(JSON.stringify(s).slice(1, -1)));
}
