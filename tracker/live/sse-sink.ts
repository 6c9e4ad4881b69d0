// Opens a Server-Sent Events response: straight onto the Node socket under @hono/node-server, else a web stream.
import type { ServerResponse } from 'node:http';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';

/** Where the bytes of one connection go: the Node socket directly, or a web ReadableStream (app.request, tests). */
export interface SseSink {
  write(b: Uint8Array): void;
  /** Bytes accepted but not yet flushed to the client. */
  backlog(): number;
  end(): void;
}

const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
};

/**
 * Starts `run` on a fresh sink; its `close` runs when the client goes away. Writing to the Node response directly
 * means no web-stream pump per connection, which keeps thousands of idle viewers cheap.
 */
export function openSseStream(c: Context | undefined, run: (sink: SseSink) => { close(): void }): Response {
  const outgoing = (c?.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && typeof outgoing.writeHead === 'function' && !outgoing.headersSent) {
    outgoing.writeHead(200, SSE_HEADERS);
    outgoing.socket?.setNoDelay(true);
    const session = run({
      write: (b) => void outgoing.write(b),
      backlog: () => outgoing.writableLength,
      end: () => outgoing.end(),
    });
    outgoing.once('close', session.close);
    return RESPONSE_ALREADY_SENT;
  }
  let session: { close(): void } | null = null;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        session = run({
          write: (b) => controller.enqueue(b),
          backlog: () => -(controller.desiredSize ?? 0),
          end: () => {
            try {
              controller.close();
            } catch {
              // already closed or errored by the consumer
            }
          },
        });
        c?.req.raw.signal.addEventListener('abort', () => session?.close(), { once: true });
      },
      cancel() {
        session?.close();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
