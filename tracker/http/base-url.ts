// The external base URL for links in responses: fixed config, else the proxy's X-Forwarded-* (when trusted), else the request.
import type { Context } from 'hono';
import type { TrackerConfig } from '../config.js';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function baseUrlFor(c: Context, config: Pick<TrackerConfig, 'publicUrl' | 'trustProxy'>): string {
  if (config.publicUrl) return config.publicUrl;
  const url = new URL(c.req.url);
  let proto = url.protocol.replace(':', '');
  let host = url.host;
  if (config.trustProxy) {
    const fProto = first(c.req.header('x-forwarded-proto'));
    const fHost = first(c.req.header('x-forwarded-host'));
    if (fProto === 'http' || fProto === 'https') proto = fProto;
    if (fHost && HOST.test(fHost)) host = fHost;
  }
  return `${proto}://${host}`;
}

function first(v: string | undefined): string | undefined {
  return v?.split(',')[0]?.trim().toLowerCase() || undefined;
}
