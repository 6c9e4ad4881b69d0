// Benchmark child for bench/comments.ts: VIEWERS SSE connections to one live stream, spread round robin over one or
// more tracker instances. argv: count expectedPerKind url... Prints "ready" once all are connected, then one JSON line
// per frame kind (event, comment) once every viewer has expectedPerKind of it: overall stats and per instance.
import http from 'node:http';
import { percentile } from './report.js';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface KindReport extends Stats {
  kind: 'event' | 'comment';
  /** The same figures for the viewers of each instance, in argv order. */
  byInstance: Stats[];
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
}

type Kind = KindReport['kind'];
const now = () => performance.timeOrigin + performance.now();

async function main(count: number, expected: number, urls: string[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const samples = (): Record<Kind, number[]> => ({ event: [], comment: [] });
  const all = samples();
  const perInstance = urls.map(samples);
  const done: Record<Kind, number> = { event: 0, comment: 0 };

  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const instance = i % urls.length;
      const got: Record<Kind, number> = { event: 0, comment: 0 };
      let buf = '';
      http
        .get(
          urls[instance]!,
          {
            agent,
            // The tracker admits 20 live connections per client address: spread over loopback sources, 10 each.
            localAddress: `127.0.0.${2 + Math.floor(i / 10)}`,
            headers: { accept: 'text/event-stream' },
          },
          (res) => {
            if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              buf += chunk;
              let at: number;
              while ((at = buf.indexOf('\n\n')) >= 0) {
                const block = buf.slice(0, at);
                buf = buf.slice(at + 2);
                const kind = /^event: (\w+)$/m.exec(block)?.[1];
                if (kind === 'hello') resolve();
                if (kind !== 'event' && kind !== 'comment') continue;
                const arrived = now();
                const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as {
                  text?: string;
                  event?: { text?: string };
                };
                const text = kind === 'comment' ? data.text : data.event?.text;
                const sent = Number(/^sent (\d+(?:\.\d+)?)/.exec(text ?? '')?.[1]);
                if (Number.isFinite(sent)) {
                  all[kind].push(arrived - sent);
                  perInstance[instance]![kind].push(arrived - sent);
                }
                if (++got[kind] === expected && ++done[kind] === count) {
                  const report: KindReport = {
                    kind,
                    ...stats(all[kind]),
                    byInstance: perInstance.map((s) => stats(s[kind])),
                  };
                  process.stdout.write(JSON.stringify(report) + '\n');
                }
              }
            });
          },
        )
        .on('error', reject);
    });
  await Promise.all(Array.from({ length: count }, (_, i) => open(i)));
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[1]?.endsWith('comment-viewers.ts')) {
  const [count, expected, ...urls] = process.argv.slice(2);
  await main(Number(count), Number(expected), urls);
}
