// The external base URL for links in responses, and whether the tracker is reached over https: never the Host header.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Context } from 'hono';
import type { TrackerConfig } from '../config.js';

export type UrlConfig = Pick<TrackerConfig, 'publicUrl' | 'trustProxy' | 'host' | 'port' | 'tls'>;

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * In order: the configured public URL; a trusted proxy's X-Forwarded-Host/-Proto; else the address this connection
 * reached (the socket's local address and port — an interface the server is bound to). The Host header is never
 * used: anyone can send any Host, and a link built from it would point a victim at the sender's server
 * (password-reset-style poisoning of the URLs in responses and pages).
 */
export function baseUrlFor(c: Context, config: UrlConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const local = localEndpoint(c, config);
  if (config.trustProxy) {
    const fProto = first(c.req.header('x-forwarded-proto'));
    const fHost = first(c.req.header('x-forwarded-host'));
    const proto = fProto === 'http' || fProto === 'https' ? fProto : local.proto;
    return `${proto}://${fHost && HOST.test(fHost) ? fHost : local.host}`;
  }
  return `${local.proto}://${local.host}`;
}

/** True when links (and so the browser) use https: HSTS, Secure cookies and the __Host- prefix follow this. */
export function isHttpsOrigin(c: Context, config: UrlConfig): boolean {
  return baseUrlFor(c, config).startsWith('https://');
}

function localEndpoint(c: Context, config: UrlConfig): { proto: 'http' | 'https'; host: string } {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  if (socket?.localAddress && socket.localPort) {
    const proto = (socket as TLSSocket).encrypted ? 'https' : 'http';
    return { proto, host: `${hostPart(socket.localAddress)}:${socket.localPort}` };
  }
  // No socket (in-process app.request): the configured listen address.
  return { proto: config.tls ? 'https' : 'http', host: `${hostPart(config.host)}:${config.port}` };
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; other IPv6 addresses in brackets; the wildcard address as loopback. */
function hostPart(address: string): string {
  const a = address.toLowerCase();
  if (a.startsWith('::ffff:') && a.includes('.')) return a.slice(7);
  if (a === '0.0.0.0') return '127.0.0.1';
  if (a === '::') return '[::1]';
  return a.includes(':') ? `[${a}]` : a;
}

function first(v: string | undefined): string | undefined {
  return v?.split(',')[0]?.trim().toLowerCase() || undefined;
}
