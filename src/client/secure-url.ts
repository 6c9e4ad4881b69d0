// Refuses to send an API key in clear text: plain http:// is allowed only to loopback hosts unless overridden.
import { BatonError } from '../core/errors.js';

/** True for localhost, 127.0.0.0/8, ::1 and *.localhost: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return h.startsWith('::ffff:127.');
}

/** Parses the base URL; throws BatonError('config') for a non-http(s) URL or a key bound for plain http off-host. */
export function checkBaseUrl(baseUrl: string, opts: { hasKey: boolean; allowInsecure: boolean }): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new BatonError('config', `the tracker URL "${baseUrl}" is not a valid URL`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BatonError('config', `the tracker URL must start with https:// (got ${url.protocol}//)`);
  }
  if (opts.hasKey && url.protocol === 'http:' && !opts.allowInsecure && !isLoopbackHost(url.hostname)) {
    throw new BatonError(
      'config',
      `refusing to send the API key over plain http:// to ${url.host}: use https://, or set "allowInsecure": true ` +
        '(or BATON_ALLOW_INSECURE=1) if this is a private network you trust',
      { details: { host: url.host } },
    );
  }
  return url;
}
