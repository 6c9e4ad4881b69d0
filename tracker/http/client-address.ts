// The client address a per-address limit counts: the socket's peer, or a trusted proxy's X-Forwarded-For entry.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { TrackerConfig } from '../config.js';

const IP = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * Without a trusted proxy the header is the client's own claim, so only the socket counts. Behind one, the proxy
 * appends the peer it saw as the last X-Forwarded-For entry: earlier entries were written by the client and are
 * ignored. `unknown` (no socket: in-process app.request) is one shared bucket.
 */
export function clientAddress(c: Context, config: Pick<TrackerConfig, 'trustProxy'>): string {
  if (config.trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (last && IP.test(last)) return normalize(last);
  }
  const peer = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
  return peer ? normalize(peer) : 'unknown';
}

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
function normalize(ip: string): string {
  const lower = ip.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
