// Comment delivery latency (issue 14): a comment posted through the API → its `comment` frame parsed by each of 100
// SSE viewers of the session's live stream. Baseline in the same run: a live event's PATCH → its `event` frame at the
// same 100 viewers. The viewers run in a child process (this file, argv `viewers`) so the poster's loop is not theirs.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSession } from '../test/tracker/helpers/sessions.js';
import { nextLine, spawnBundledServer, spawnTs, stop } from './lib/live-bench.js';
import { machineLine, percentile, writeBenchSection } from './lib/report.js';

const VIEWERS = 100;
const N = 50;
const GAP_MS = 25;
const TARGET_P95_MS = 100;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toFixed(1);

interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
}

/** Child: VIEWERS connections; prints "ready", then one JSON line per frame kind once every viewer has N of it. */
async function runViewers(url: string): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const samples: Record<string, number[]> = { event: [], comment: [] };
  const done: Record<string, number> = { event: 0, comment: 0 };
  const record = (kind: string, text: string | undefined) => {
    const sent = Number(/^sent (\d+(?:\.\d+)?)/.exec(text ?? '')?.[1]);
    if (Number.isFinite(sent)) samples[kind]!.push(now() - sent);
  };
  // The tracker admits 20 live connections per client address: spread the viewers over loopback sources, 10 each.
  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const got: Record<string, number> = { event: 0, comment: 0 };
      let buf = '';
      http
        .get(
          url,
          {
            agent,
            localAddress: `127.0.0.${2 + Math.floor(i / 10)}`,
            headers: { accept: 'text/event-stream' },
          },
          (res) => {
            if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buf += chunk;
              let i: number;
              while ((i = buf.indexOf('\n\n')) >= 0) {
                const block = buf.slice(0, i);
                buf = buf.slice(i + 2);
                const kind = /^event: (\w+)$/m.exec(block)?.[1];
                if (kind === 'hello') resolve();
                if (kind !== 'event' && kind !== 'comment') continue;
                const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as {
                  text?: string;
                  event?: { text?: string };
                };
                record(kind, kind === 'comment' ? data.text : data.event?.text);
                if (++got[kind]! === N && ++done[kind]! === VIEWERS)
                  process.stdout.write(JSON.stringify({ kind, ...stats(samples[kind]!) }) + '\n');
              }
            });
          },
        )
        .on('error', reject);
    });
  await Promise.all(Array.from({ length: VIEWERS }, (_, i) => open(i)));
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => process.exit(0));
}

async function post(url: string, path: string, key: string, body: unknown, method = 'POST') {
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await r.json()) as Record<string, unknown>;
  if (r.status >= 300) throw new Error(`${method} ${path} ${r.status}: ${JSON.stringify(json)}`);
  return json;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-comments-'));
  const server = await spawnBundledServer(join(dir, 'tracker.db'));
  try {
    const { url, ownerKey } = JSON.parse(await nextLine(server)) as { url: string; ownerKey: string };
    const sessionId = 'bench-comments';
    await post(url, '/api/v1/sessions', ownerKey, {
      session: makeSession({ id: sessionId, turns: 5 }),
      visibility: 'unlisted',
    });
    // 20 comment writes per user per minute: three commenters, round robin, stay under it.
    const keys: string[] = [];
    for (const name of ['ann', 'ben', 'cat'])
      keys.push((await post(url, '/api/v1/users', ownerKey, { name, role: 'member' })).rawKey as string);
    const s = (await post(url, '/api/v1/live', ownerKey, { sessionId })) as {
      liveId: string;
      producerToken: string;
      viewerToken: string;
    };
    const viewers = spawnTs('bench/comments.ts', ['viewers', `${url}/live/${s.viewerToken}/events`]);
    const ready = await nextLine(viewers);
    if (ready !== 'ready') throw new Error(`viewers: ${ready}`);
    await sleep(500);

    for (let seq = 1; seq <= N; seq++) {
      const event = { kind: 'text', uuid: `e${seq}`, text: `sent ${now()}` };
      await post(url, `/api/v1/live/${s.liveId}`, s.producerToken, { events: [{ seq, event }] }, 'PATCH');
      await sleep(GAP_MS);
    }
    const base = JSON.parse(await nextLine(viewers)) as Stats & { kind: string };
    for (let i = 0; i < N; i++) {
      const body = { eventUuid: `${sessionId}-a${i % 5}`, text: `sent ${now()}` };
      await post(url, `/api/v1/sessions/${sessionId}/comments`, keys[i % keys.length]!, body);
      await sleep(GAP_MS);
    }
    const com = JSON.parse(await nextLine(viewers)) as Stats & { kind: string };
    await stop(viewers);
    const load = loadavg()[0]!;
    const row = (label: string, r: Stats) =>
      `| ${label} | ${r.n.toLocaleString('en-US')} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${fmt(r.p95 / base.p95)}× |`;
    for (const [k, r] of [
      ['live event', base],
      ['comment', com],
    ] as const)
      console.log(
        `${k}: ${r.n} deliveries, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, max ${fmt(r.max)} ms`,
      );
    const met = com.p95 <= TARGET_P95_MS ? 'met' : 'not met';
    writeBenchSection(
      'comments',
      [
        '## Comment delivery (SSE)',
        '',
        `Command: \`npx tsx bench/comments.ts\` (${machineLine()}; 2 cores, load average ${load.toFixed(1)} at the`,
        'end of the run, shared with other work). One tracker (the bundled live-server, SQLite), one pushed session with a',
        `live stream, ${VIEWERS} SSE viewers on the stream's viewer link in one separate process (from ten loopback`,
        `addresses, as the tracker admits 20 live connections per address). ${N} comments posted`,
        `through \`POST /api/v1/sessions/{id}/comments\` by three users in turn, ${GAP_MS} ms apart; latency is from`,
        'just before the POST to the `comment` frame parsed at each viewer (the poster is none of them). Baseline, same',
        `run and viewers: ${N} live events, one PATCH each, to their \`event\` frame. PostgreSQL not measured here.`,
        `Target p95 ≤ ${TARGET_P95_MS} ms: ${met} in this run.`,
        '',
        '| frame | deliveries | p50 ms | p95 ms | max ms | p95 vs live event p95 |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        row('live event (baseline)', base),
        row('comment', com),
      ].join('\n'),
    );
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'viewers') await runViewers(process.argv[3]!);
else await main();
