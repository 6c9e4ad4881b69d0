// Hook start-up with sync on: tracker configured but stalled, the background sender running, live mode on; plus the
// Stop hook's rare path that has to start a sender. Ratios against bare `node -e 0`, measured in the same run.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateTranscript } from './lib/gen-transcript.js';
import { machineLine, median, percentile, writeBenchSection } from './lib/report.js';
import { lockHolderPid } from '../src/capture/session/lock.js';
import { senderPaths } from '../src/capture/delivery/sender/paths.js';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CPU_RUNS = 15;
const CPU_PROBE = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(2, '\\nBENCH_CPU_US=' + (u.user + u.system) + '\\n'); });`;

/** A tracker that accepts connections and never answers, in a worker (spawnSync blocks this thread). */
const STALL = `
const net = require('node:net');
const { parentPort } = require('node:worker_threads');
const held = [];
const s = net.createServer((c) => { held.push(c); c.on('error', () => {}); });
s.listen(0, '127.0.0.1', () => parentPort.postMessage(s.address().port));
`;

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...extra };
  delete e.NODE_EXTRA_CA_CERTS;
  delete e.NODE_OPTIONS;
  return e;
}

function timed(args: string[], input: string, e: NodeJS.ProcessEnv): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env: e, stdio: ['pipe', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 || r.stdout.length)
    throw new Error(`${args.join(' ')} → ${r.status}, stdout ${r.stdout.toString()}`);
  return ms;
}

function cpuOf(probe: string, args: string[], input: string, e: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, ['--require', probe, ...args], {
    input,
    env: e,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const m = /BENCH_CPU_US=(\d+)/.exec(r.stderr.toString());
  if (r.status !== 0 || !m) throw new Error(`${args.join(' ')}: no CPU report`);
  return Number(m[1]) / 1000;
}

interface Row {
  scenario: string;
  event: string;
  base: number[];
  hook: number[];
  baseCpu: number[];
  hookCpu: number[];
}

const turn = (n: number) =>
  [
    { type: 'user', uuid: `b-u${n}-${randomUUID()}`, message: { role: 'user', content: `prompt ${n}` } },
    {
      type: 'assistant',
      uuid: `b-a${n}-${randomUUID()}`,
      message: { id: `m${n}`, role: 'assistant', content: [{ type: 'text', text: `answer ${n}` }] },
    },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n';

/** Marks the session live with a relay "running" (this process holds its lock), as part B's live mode does. */
function liveOn(dataDir: string, sessionId: string): void {
  const dir = join(dataDir, 'live');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${sessionId}.json`), JSON.stringify({ liveId: 'bench', producerToken: 'x' }));
  symlinkSync(`${process.pid} ${hostname()} ${Date.now()} bench`, join(dir, `${sessionId}.relay.lock`));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'baton-bench-hooks-sync-'));
  const probe = join(work, 'cpu.cjs');
  writeFileSync(probe, CPU_PROBE);
  const worker = new Worker(STALL, { eval: true });
  const stallPort = await new Promise<number>((r) => worker.once('message', r));
  const tracker = { BATON_URL: `http://127.0.0.1:${stallPort}`, BATON_API_KEY: 'bt_bench' };
  const fixtures = readFileSync(join(ROOT, 'test', 'fixtures', 'hooks', 'hook-inputs.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const fixture = (name: string) =>
    fixtures.find((f) => f.hook_event_name === name) ?? { hook_event_name: name };
  // A plugin copy whose sender exits at once: every Stop then takes the "start a sender" path.
  const quietPlugin = join(work, 'plugin-dist');
  mkdirSync(quietPlugin);
  copyFileSync(join(DIST, 'hook.cjs'), join(quietPlugin, 'hook.cjs'));
  writeFileSync(join(quietPlugin, 'sender.cjs'), 'process.exit(0)\n');
  let sender: ReturnType<typeof spawn> | null = null;
  const rows: Row[] = [];
  const loadBefore = loadavg();
  try {
    const scenarios = [
      {
        name: 'tracker stalled, sender running, live on',
        events: ['UserPromptSubmit', 'PostToolUse', 'Stop'],
        hook: join(DIST, 'hook.cjs'),
        realSender: true,
      },
      {
        name: 'tracker stalled, Stop starts the sender',
        events: ['Stop'],
        hook: join(quietPlugin, 'hook.cjs'),
        realSender: false,
      },
    ];
    for (const [si, sc] of scenarios.entries()) {
      const dir = join(work, `s${si}`);
      const dataDir = join(dir, 'data');
      mkdirSync(join(dir, 'home'), { recursive: true });
      const sessionId = randomUUID();
      const transcript = join(dir, 'transcript.jsonl');
      await generateTranscript(transcript, 300 * 1024, sessionId);
      const e = env({ HOME: join(dir, 'home'), BATON_DATA_DIR: dataDir, ...tracker });
      if (sc.realSender) {
        liveOn(dataDir, sessionId);
        // The real sender, stuck on the stalled tracker for the whole run: hooks must not notice it.
        sender = spawn(process.execPath, [join(DIST, 'sender.cjs'), '--data-dir', dataDir], {
          env: e,
          stdio: 'ignore',
        });
        for (let i = 0; i < 100 && !lockHolderPid(senderPaths(dataDir).lock); i++)
          await new Promise((r) => setTimeout(r, 50));
        if (!lockHolderPid(senderPaths(dataDir).lock)) throw new Error('sender did not start');
      }
      for (const event of sc.events) {
        const payload = JSON.stringify({
          ...fixture(event),
          session_id: sessionId,
          transcript_path: transcript,
          cwd: dir,
        });
        const row: Row = { scenario: sc.name, event, base: [], hook: [], baseCpu: [], hookCpu: [] };
        for (let i = 0; i < WARMUP + RUNS; i++) {
          appendFileSync(transcript, turn(i));
          for (const which of i % 2 ? (['hook', 'base'] as const) : (['base', 'hook'] as const)) {
            const ms =
              which === 'base' ? timed(['-e', '0'], payload, e) : timed([sc.hook, event], payload, e);
            if (i >= WARMUP) row[which].push(ms);
          }
        }
        for (let i = 0; i < CPU_RUNS; i++) {
          appendFileSync(transcript, turn(1000 + i));
          row.baseCpu.push(cpuOf(probe, ['-e', '0'], payload, e));
          row.hookCpu.push(cpuOf(probe, [sc.hook, event], payload, e));
        }
        rows.push(row);
        const s = stats(row);
        console.log(
          `${sc.name.padEnd(42)} ${event.padEnd(17)} base ${s.b.toFixed(1)} hook ${s.h.toFixed(1)} ms  ratio ${s.r.toFixed(2)}x  p95 ${s.rp.toFixed(2)}x  CPU ${s.cr.toFixed(2)}x`,
        );
      }
      if (sender) {
        sender.kill('SIGTERM');
        sender = null;
      }
    }
  } finally {
    sender?.kill('SIGTERM');
    await worker.terminate();
    rmSync(work, { recursive: true, force: true });
  }
  const table = [
    '| setup | event | `node -e 0` median / p95 (ms) | hook median / p95 (ms) | ratio median | ratio p95 | CPU ms base / hook (ratio) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => {
      const s = stats(row);
      return `| ${row.scenario} | ${row.event} | ${s.b.toFixed(1)} / ${s.bp.toFixed(1)} | ${s.h.toFixed(1)} / ${s.hp.toFixed(1)} | ${s.r.toFixed(2)}x | ${s.rp.toFixed(2)}x | ${s.bc.toFixed(1)} / ${s.hc.toFixed(1)} (${s.cr.toFixed(2)}x) |`;
    }),
  ].join('\n');
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  writeBenchSection(
    'hooks-sync',
    `## Hook start-up with sync and live mode on\n\nCommand: \`npm run build && npx tsx bench/hooks-sync.ts\` (${machineLine()}, load average ${load(loadBefore)} before, ${load(loadavg())} after).\n\n` +
      `Each row: ${RUNS} runs of \`node dist/hook.cjs <Event>\` and of bare \`node -e 0\`, interleaved, after ${WARMUP} warm-ups, same env and stdin, ` +
      `NODE_EXTRA_CA_CERTS unset; CPU = median user+system of ${CPU_RUNS} more runs. The tracker URL points at a server that accepts ` +
      'connections and never answers. First setup: the real dist/sender.cjs is running (stuck on that tracker, holding its lock) and ' +
      'the session is marked live with its relay running, so every hook takes the steady-state path (one readlink and a signal 0 for the ' +
      'sender on Stop, one stat + readlink for live). Second setup: no sender runs, so each Stop resolves the config and spawns one ' +
      '(detached, not waited on); this happens at most once per sender lifetime (it idles out after 10 s).\n\n' +
      `Target: ≤ 1.25x median in the steady state.\n\n${table}\n`,
  );
  console.log('\nwrote the hooks-sync section of docs/benchmarks.md');
}

function stats(r: Row) {
  const sort = (a: number[]) => [...a].sort((x, y) => x - y);
  const b = median(r.base);
  const h = median(r.hook);
  const bp = percentile(sort(r.base), 95);
  const hp = percentile(sort(r.hook), 95);
  const bc = median(r.baseCpu);
  const hc = median(r.hookCpu);
  return { b, h, bp, hp, r: h / b, rp: hp / bp, bc, hc, cr: hc / bc };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
