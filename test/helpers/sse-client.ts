// A minimal Server-Sent Events client over node:http for tests and benchmarks (no reconnect logic of its own).
import http from 'node:http';

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

export interface SseConnection {
  /** Resolves with the HTTP status once headers arrive. */
  status: Promise<number>;
  messages: SseMessage[];
  /** Comment lines (heartbeats) seen so far. */
  comments: number;
  closed: Promise<void>;
  onMessage(cb: (m: SseMessage) => void): void;
  /** Resolves with the first message (already received or future) matching `pred`; rejects after `timeoutMs`. */
  waitFor(pred: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  body(): string;
  close(): void;
}

export function openSse(
  url: string,
  opts: { headers?: Record<string, string>; lastEventId?: number | string; agent?: http.Agent } = {},
): SseConnection {
  const messages: SseMessage[] = [];
  const listeners: Array<(m: SseMessage) => void> = [];
  let buf = '';
  let raw = '';
  let comments = 0;
  let resolveStatus!: (n: number) => void;
  let rejectStatus!: (e: unknown) => void;
  let resolveClosed!: () => void;
  const status = new Promise<number>((res, rej) => {
    resolveStatus = res;
    rejectStatus = rej;
  });
  const closed = new Promise<void>((res) => (resolveClosed = res));
  const headers: Record<string, string> = { accept: 'text/event-stream', ...opts.headers };
  if (opts.lastEventId !== undefined) headers['last-event-id'] = String(opts.lastEventId);
  const conn: SseConnection = {
    status,
    messages,
    get comments() {
      return comments;
    },
    closed,
    onMessage: (cb) => listeners.push(cb),
    waitFor(pred, timeoutMs = 10_000) {
      const found = messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(
          () =>
            reject(
              new Error(
                `SSE: timed out waiting; got ${messages.map((m) => m.event + ':' + (m.id ?? '')).join(',')}`,
              ),
            ),
          timeoutMs,
        );
        listeners.push((m) => {
          if (pred(m)) {
            clearTimeout(t);
            resolve(m);
          }
        });
      });
    },
    body: () => raw,
    close: () => req.destroy(),
  } as SseConnection;

  const dispatch = (block: string) => {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    let hasField = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        comments++;
        continue;
      }
      const i = line.indexOf(':');
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else continue;
      hasField = true;
    }
    if (!hasField || data.length === 0) return;
    const m: SseMessage = { event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
    messages.push(m);
    for (const l of listeners) l(m);
  };

  const req = http.get(url, { headers, agent: opts.agent }, (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      raw += chunk;
      buf += chunk;
      let idx: number;
      while ((idx = buf.indexOf('\n\n')) >= 0) {
        dispatch(buf.slice(0, idx));
        buf = buf.slice(idx + 2);
      }
    });
    res.on('close', () => resolveClosed());
  });
  req.on('error', (err) => {
    rejectStatus(err);
    resolveClosed();
  });
  return conn;
}
