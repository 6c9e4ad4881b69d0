// `baton live …` from the bundled CLI (dist/cli.js), with the real relay and a real tracker.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../helpers/sse-client.js';
import { createLiveSandbox, RECORDED, type LiveSandbox } from '../helpers/live-sandbox.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let sb: LiveSandbox;

const baton = (args: string[], extra: Record<string, string> = {}) =>
  execa(process.execPath, [CLI, ...args], {
    cwd: sb.cwd,
    env: { ...sb.env, ...extra },
    extendEnv: false,
    reject: false,
    timeout: 30_000,
  });

beforeAll(async () => {
  sb = await createLiveSandbox();
  copyFileSync(RECORDED, sb.transcriptPath);
});
afterAll(async () => {
  await sb?.close();
});

describe('baton live', () => {
  it('documents itself', async () => {
    const r = await baton(['live', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: baton live <start|stop|pause|resume|note|status>');
    expect((await baton(['--help'])).stdout).toMatch(/\n {2}live +stream a session live/);
  });

  it('starts (newest session of the directory), streams the backlog and notes, pauses, and stops as a post', async () => {
    const start = await baton(['live', 'start', '--json', '--title', 'cli stream']);
    expect(start.exitCode, start.stderr).toBe(0);
    const s = JSON.parse(start.stdout);
    expect(s).toMatchObject({
      sessionId: sb.sessionId,
      status: 'active',
      relay: 'spawned',
      alreadyLive: false,
      title: 'cli stream',
    });
    expect(s.producerToken).toBeUndefined();
    const sse = openSse(`${s.viewUrl}/events`);
    await sse.waitFor(
      (m) => m.event === 'event' && JSON.parse(m.data).event.text === 'ECHO: third prompt gamma',
      15_000,
    );

    const again = await baton(['live', 'start']);
    expect(again.stdout).toMatch(/^Already live at http/);
    expect((await baton(['live', 'note', 'running', 'the', 'tests'])).stdout).toBe('Sent to viewers.');
    await sse.waitFor(
      (m) => m.event === 'event' && JSON.parse(m.data).event.text === 'running the tests',
      15_000,
    );
    expect((await baton(['live', 'pause'])).stdout).toMatch(/^Live stream paused/);
    expect((await baton(['live', 'status'])).stdout).toMatch(/^Live \(paused\) at http/);
    const noteWhilePaused = await baton(['live', 'note', 'x']);
    expect(noteWhilePaused.exitCode).toBe(1);
    expect(noteWhilePaused.stderr).toBe('baton live: the live stream is paused: resume it first');
    expect((await baton(['live', 'resume'])).stdout).toMatch(/^Live stream resumed: http/);

    const stop = await baton(['live', 'stop']);
    expect(stop.exitCode, stop.stderr).toBe(0);
    expect(stop.stdout).toMatch(/^Live stream ended and kept as a post: http\S+\/share\//);
    await sse.waitFor((m) => m.event === 'end', 10_000);
    sse.close();
    expect((await baton(['live', 'status'])).stdout).toMatch(
      /^Not live\. The last stream ended .* \(kept\): http/,
    );
  });

  it('explains what to do without a tracker', async () => {
    const r = await baton(['live', 'start'], { BATON_URL: '', BATON_API_KEY: '' });
    expect(r.exitCode, r.stdout).toBe(1);
    expect(r.stderr).toMatch(/^baton live: no tracker configured: run `baton login <url>`/);
  });
});
