// The tracker's PDF and Word exports, on both engines: the session API route and the zip, with the right content
// type, file name and a redacted body.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Session } from '../../src/core/model/session.js';
import { sampleSession } from '../fixtures/export-sessions.js';
import { externalsRequired } from '../helpers/externals.js';
import { fake } from '../helpers/fake-secrets.js';
import {
  client,
  forEachEngine,
  startTracker,
  type Client,
  type TestTracker,
} from '../tracker/helpers/harness.js';

const SECRET = fake('ghp_', 36, 13);
const missing = spawnSync('pdftotext', ['-v']).error !== undefined;

function session(): Session {
  const s = sampleSession();
  (s.turns[0]!.events[0] as { text: string }).text = `Say hello with ${SECRET} — Ωμέγα`;
  return s;
}

forEachEngine('tracker PDF and Word exports', (engine) => {
  let t: TestTracker;
  let api: Client;
  let dir: string;
  const id = sampleSession().meta.id;
  beforeAll(async () => {
    t = await startTracker(engine);
    api = client(t.url, t.ownerKey);
    dir = mkdtempSync(join(tmpdir(), 'baton-docs-tracker-'));
    expect((await api.post('/api/v1/sessions', { session: session() })).status).toBe(200);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  const get = (path: string) =>
    fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${t.ownerKey}` } });

  it('GET /api/v1/sessions/{id}/export?format=pdf is a redacted PDF download', async () => {
    const res = await get(`/api/v1/sessions/${id}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}.pdf"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (missing) {
      expect(externalsRequired, 'pdftotext is required under CI').toBe(false);
      process.stderr.write('\n!!! SKIPPING the PDF text checks: pdftotext is not installed\n');
      return;
    }
    writeFileSync(join(dir, `${engine}.pdf`), bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${engine}.pdf`), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('[REDACTED:github-token]');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('Ωμέγα');
    expect(text).toContain('Tool call: Bash');
  }, 180_000);

  it('GET …/export?format=docx is a redacted Word download, and the zip holds .docx files', async () => {
    const res = await get(`/api/v1/sessions/${id}/export?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain('[REDACTED:github-token]');
    expect(xml).not.toContain(SECRET);
    const zip = await fetch(`${t.url}/api/v1/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionIds: [id], format: 'docx' }),
    });
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual([`${id}.docx`]);
    expect(Object.keys(unzipSync(files[`${id}.docx`]!))).toContain('word/document.xml');
  }, 180_000);
});
