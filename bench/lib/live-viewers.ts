// Benchmark child: N SSE viewers on one live stream, in their own process so the tracker's CPU is measured alone.
// argv: url count mode(latency|idle) expectedEvents. Latency mode prints {n,p50,p95,p99,max} (ms) once every viewer has
// every event; idle mode prints "ready <n>" once all are connected, then holds them until SIGTERM.
import http from 'node:http';

const [url, countArg, mode, expectedArg] = process.argv.slice(2);
const count = Number(countArg);
const expected = Number(expectedArg ?? 0);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const latencies: number[] = [];
let connected = 0;
let complete = 0;
const now = () => performance.timeOrigin + performance.now();

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    let got = 0;
    let buf = '';
    const req = http.get(url!, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (block.includes('event: hello')) {
            connected++;
            resolve();
          } else if (mode === 'latency' && block.includes('event: event')) {
            const at = now();
            const data = block.slice(block.indexOf('data: ') + 6);
            const sent = Number(/"text":"sent (\d+(?:\.\d+)?)"/.exec(data)?.[1]);
            if (Number.isFinite(sent)) latencies.push(at - sent);
            if (++got === expected && ++complete === count) report();
          }
        }
      });
    });
    req.on('error', reject);
  });
}

/** Percentiles computed here: 200,000 raw samples would not fit through a pipe before exit. */
function report(): void {
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))]!;
  const out = {
    n: latencies.length,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies[latencies.length - 1]!,
  };
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

// Connect in waves so the listen backlog is never the bottleneck being measured.
for (let i = 0; i < count; i += 250) {
  await Promise.all(Array.from({ length: Math.min(250, count - i) }, () => open()));
}
process.stdout.write(`ready ${connected}\n`);
process.on('SIGTERM', () => process.exit(0));
