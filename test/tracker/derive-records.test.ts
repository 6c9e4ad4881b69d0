// Issue 12: the tracker derives a session from its stored lines by the file reader's own rules. sessionFromRecords
// over a transcript's lines (main file and subagent files, by sub key) gives the Session loadSession gives.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { findSubagentFiles, loadSession } from '../../src/core/transcript/index.js';
import {
  sessionFromRecords,
  type TranscriptLineRecord,
} from '../../src/core/transcript/session-from-records.js';

const ROOT = 'test/fixtures/transcripts';

function lines(path: string): TranscriptLineRecord[] {
  const out: TranscriptLineRecord[] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      continue; // an unparsable line never reaches the tracker (the client's reader skips it too)
    }
    // Only JSON objects are transcript records (the gate sends nothing else).
    if (record !== null && typeof record === 'object' && !Array.isArray(record))
      out.push({ record: record as Record<string, unknown>, bytes: Buffer.byteLength(text) });
  }
  return out;
}

/** Main files with subagents, forks, recorded sessions and the samples. */
const FIXTURES = [
  `${ROOT}/projects/-home-dev-proj/7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl`,
  `${ROOT}/projects/-home-dev-proj/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f.jsonl`,
  `${ROOT}/issue-10/parallel/d3000000-0000-4000-8000-000000000003.jsonl`,
  `${ROOT}/issue-10/fork/d4000000-0000-4000-8000-000000000004.jsonl`,
  ...readdirSync(`${ROOT}/recorded`)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => `${ROOT}/recorded/${f}`),
  ...readdirSync(`${ROOT}/issue-10`)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => `${ROOT}/issue-10/${f}`),
  `${ROOT}/samples.jsonl`,
  `${ROOT}/unknown-types.jsonl`,
];

async function fromLines(path: string) {
  const stem = basename(path).replace(/\.jsonl$/, '');
  const files = new Map<string, TranscriptLineRecord[]>();
  for (const f of await findSubagentFiles(path)) {
    const subKey = relative(join(dirname(path), stem), f.path).replace(/\.jsonl$/, '');
    files.set(subKey, lines(f.path));
  }
  return sessionFromRecords({ sessionId: stem, main: lines(path), files });
}

test.each(FIXTURES)('%s: the records give the Session the file gives', async (path) => {
  const file = await loadSession(path);
  const records = await fromLines(path);
  // Counters of lines the file reader alone sees (bad bytes, unparsable lines) aside, everything matches.
  const { stats: fs, ...fileRest } = file;
  const { stats: rs, ...recordRest } = records;
  expect(recordRest).toEqual(fileRest);
  expect({ ...rs, malformedLines: fs?.malformedLines, invalidUtf8Lines: fs?.invalidUtf8Lines }).toEqual(fs);
});

test('subagent files are read as subagents: without them the sidechains are gone', async () => {
  const path = FIXTURES[0]!;
  const withAgents = await fromLines(path);
  expect(withAgents.sidechains.length).toBeGreaterThan(0);
  const stem = basename(path).replace(/\.jsonl$/, '');
  const mainOnly = await sessionFromRecords({ sessionId: stem, main: lines(path), files: new Map() });
  expect(mainOnly.sidechains).toEqual([]);
});
