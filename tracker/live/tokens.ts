// The two live capabilities: producer (write) and viewer (read) tokens, and the ids of streams.
import { createHash, randomBytes } from 'node:crypto';

export const PRODUCER_PREFIX = 'btp_';
export const VIEWER_PREFIX = 'btv_';

/** 32 random bytes: unguessable, URL-safe. */
export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function newLiveId(): string {
  return 'lv_' + randomBytes(12).toString('base64url');
}

/** Tokens are stored and looked up by SHA-256: high-entropy secrets need no slow hash, and equality is by index. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeViewerToken(s: string): boolean {
  return (
    s.startsWith(VIEWER_PREFIX) &&
    s.length >= VIEWER_PREFIX.length + 40 &&
    s.length <= 100 &&
    /^[A-Za-z0-9_-]+$/.test(s)
  );
}
