// API keys: generation, constant-time verification, and management for the key's own user.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyInfo, CreateKeyRequest } from '../../src/core/api/index.js';
import { API_KEY_PATTERN } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories } from '../db/repositories/index.js';
import type { KeyRow, UserRow } from '../db/repositories/index.js';
import { newId, sha256Hex } from './ids.js';
import { iso, isoOrNull, parseDuration } from './time.js';

const PREFIX_LEN = 8;
/** last_used_at is written at most this often per key. */
export const TOUCH_INTERVAL_MS = 60_000;

export interface NewKey {
  row: KeyRow;
  rawKey: string;
}

/** `bt_` + 32 random bytes, base64url (43 chars). */
export function generateRawKey(): string {
  return `bt_${randomBytes(32).toString('base64url')}`;
}

export function keyPrefix(rawKey: string): string {
  return rawKey.slice(3, 3 + PREFIX_LEN);
}

export async function createKey(
  repos: Repositories,
  userId: string,
  req: CreateKeyRequest,
  opts: { now: number; defaultRate: number },
): Promise<NewKey> {
  let expiresAt: number | null = null;
  if (req.expiresIn) expiresAt = opts.now + (parseDuration(req.expiresIn) ?? 0);
  if (req.expiresAt) {
    expiresAt = Date.parse(req.expiresAt);
    if (expiresAt <= opts.now) throw new BatonError('invalid_request', 'expiresAt must be in the future');
  }
  const rawKey = generateRawKey();
  const row: KeyRow = {
    id: newId('key'),
    user_id: userId,
    name: req.name,
    prefix: keyPrefix(rawKey),
    hash: sha256Hex(rawKey),
    rate_limit_per_minute: req.rateLimitPerMinute ?? opts.defaultRate,
    created_at: opts.now,
    last_used_at: null,
    expires_at: expiresAt,
    revoked_at: null,
  };
  await repos.keys.create(row);
  return { row, rawKey };
}

export type AuthFailure = 'missing' | 'invalid' | 'revoked' | 'expired';

/** Verifies a presented key: looks candidates up by display prefix and compares SHA-256 digests in constant time. */
export async function verifyKey(
  repos: Repositories,
  rawKey: string,
  now: number,
): Promise<{ ok: true; key: KeyRow; user: UserRow } | { ok: false; reason: AuthFailure }> {
  if (!API_KEY_PATTERN.test(rawKey) || rawKey.length > 200) return { ok: false, reason: 'invalid' };
  const digest = Buffer.from(sha256Hex(rawKey), 'hex');
  const candidates = await repos.keys.findByPrefixWithUser(keyPrefix(rawKey));
  let match: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    const stored = Buffer.from(c.hash, 'hex');
    if (stored.length === digest.length && timingSafeEqual(stored, digest)) match = c;
  }
  if (!match) return { ok: false, reason: 'invalid' };
  if (match.revoked_at !== null) return { ok: false, reason: 'revoked' };
  if (match.expires_at !== null && Number(match.expires_at) <= now) return { ok: false, reason: 'expired' };
  const { user_name, user_role, user_created_at, ...key } = match;
  return {
    ok: true,
    key,
    user: { id: key.user_id, name: user_name, role: user_role, created_at: user_created_at },
  };
}

export function toKeyInfo(k: KeyRow): ApiKeyInfo {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: iso(Number(k.created_at)),
    lastUsedAt: isoOrNull(k.last_used_at),
    expiresAt: isoOrNull(k.expires_at),
    revokedAt: isoOrNull(k.revoked_at),
    rateLimitPerMinute: Number(k.rate_limit_per_minute),
  };
}
