import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../src/client/backoff.js';
import { isLoopbackHost } from '../../src/client/secure-url.js';
import { checkBaseUrl } from '../../src/client/secure-url.js';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, with jitter inside [10%, 100%] of it', () => {
    const opts = { baseMs: 100, maxMs: 1000 };
    expect(backoffDelay(0, opts, () => 1)).toBe(100);
    expect(backoffDelay(1, opts, () => 1)).toBe(200);
    expect(backoffDelay(3, opts, () => 1)).toBe(800);
    expect(backoffDelay(10, opts, () => 1)).toBe(1000);
    expect(backoffDelay(10, opts, () => 0)).toBe(100);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('insecure URL guard', () => {
  it('knows loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.9.8.7', '[::1]', 'app.localhost'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['example.com', '10.0.0.1', '192.168.1.2', 'localhost.evil.com'])
      expect(isLoopbackHost(h)).toBe(false);
  });
  it('refuses a key over http to a remote host unless allowInsecure', () => {
    expect(() => checkBaseUrl('http://tracker.example.com', { hasKey: true, allowInsecure: false })).toThrow(
      /refusing to send the API key/,
    );
    expect(checkBaseUrl('http://tracker.example.com', { hasKey: true, allowInsecure: true }).host).toBe(
      'tracker.example.com',
    );
    expect(checkBaseUrl('http://tracker.example.com', { hasKey: false, allowInsecure: false }).host).toBe(
      'tracker.example.com',
    );
    expect(checkBaseUrl('http://127.0.0.1:9', { hasKey: true, allowInsecure: false }).port).toBe('9');
    expect(checkBaseUrl('https://tracker.example.com', { hasKey: true, allowInsecure: false }).protocol).toBe(
      'https:',
    );
    expect(() => checkBaseUrl('ftp://x', { hasKey: false, allowInsecure: false })).toThrow(/https/);
  });
});
