// API keys: generation, constant-time verification, and management for the key's own user.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyInfo, CreateKeyRequest } from '../../src/core/api/index.js';
import { API_KEY_PATTERN } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Repositories } from '../db/repositories/index.js';
import type { KeyRow, UserRow } from '../db/repositories/index.js';
import { HttpError } from '../http/errors.js';
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

/** How strong a key is: when it stops working and how many requests a minute it may make (0 = unlimited). */
export interface KeyStrength {
  expiresAt: number | null;
  rateLimitPerMinute: number;
}

/** Unlimited (0) is looser than any number. */
const rateRank = (perMinute: number): number => (perMinute === 0 ? Number.POSITIVE_INFINITY : perMinute);

/**
 * The one rule for keys made by a key (API or web session): no stronger than the parent. What is not asked for is
 * inherited; asking for a later expiry or a looser rate limit is refused with 403 `key_escalation`, because
 * otherwise a short-lived or rate-limited key could mint a permanent, unlimited one and outlive its own revocation.
 */
export function boundByParent(
  parent: KeyStrength,
  asked: { expiresAt: number | null | undefined; rateLimitPerMinute: number | undefined },
): KeyStrength {
  const expiresAt =
    asked.expiresAt === undefined || asked.expiresAt === null ? parent.expiresAt : asked.expiresAt;
  const rateLimitPerMinute = asked.rateLimitPerMinute ?? parent.rateLimitPerMinute;
  const tooLate = parent.expiresAt !== null && (expiresAt === null || expiresAt > parent.expiresAt);
  const tooLoose = rateRank(rateLimitPerMinute) > rateRank(parent.rateLimitPerMinute);
  if (tooLate || tooLoose) {
    throw HttpError.refusal(403, 'key_escalation', 'a key cannot create a key stronger than itself', {
      reason: 'key_escalation',
      details: {
        ...(tooLate ? { expiresAt: "must not be later than the creating key's expiry" } : {}),
        ...(tooLoose ? { rateLimitPerMinute: "must not be looser than the creating key's limit" } : {}),
        parent: {
          expiresAt: isoOrNull(parent.expiresAt),
          rateLimitPerMinute: parent.rateLimitPerMinute,
        },
      },
    });
  }
  return { expiresAt, rateLimitPerMinute };
}

/**
 * `parent`: the key making this one (API and web); its strength bounds the new key and revoking it revokes this
 * one. Without a parent (CLI, a new user's first key) the request and the tracker default decide.
 */
export async function createKey(
  repos: Repositories,
  userId: string,
  req: CreateKeyRequest,
  opts: { now: number; defaultRate: number; parent?: KeyRow },
): Promise<NewKey> {
  let expiresAt: number | undefined;
  if (req.expiresIn) expiresAt = opts.now + (parseDuration(req.expiresIn) ?? 0);
  if (req.expiresAt) {
    expiresAt = Date.parse(req.expiresAt);
    if (expiresAt <= opts.now) throw new BatonError('invalid_request', 'expiresAt must be in the future');
  }
  const strength = opts.parent
    ? boundByParent(strengthOf(opts.parent), { expiresAt, rateLimitPerMinute: req.rateLimitPerMinute })
    : { expiresAt: expiresAt ?? null, rateLimitPerMinute: req.rateLimitPerMinute ?? opts.defaultRate };
  const rawKey = generateRawKey();
  const row: KeyRow = {
    id: newId('key'),
    user_id: userId,
    name: req.name,
    prefix: keyPrefix(rawKey),
    hash: sha256Hex(rawKey),
    rate_limit_per_minute: strength.rateLimitPerMinute,
    created_at: opts.now,
    last_used_at: null,
    expires_at: strength.expiresAt,
    revoked_at: null,
    parent_id: opts.parent?.id ?? null,
  };
  await repos.keys.create(row);
  return { row, rawKey };
}

/** The tighter of two strengths on each axis: for keys an owner's key makes for someone else (a new user). */
export function tighterOf(a: KeyStrength, b: KeyStrength): KeyStrength {
  const expiries = [a.expiresAt, b.expiresAt].filter((e): e is number => e !== null);
  return {
    expiresAt: expiries.length ? Math.min(...expiries) : null,
    rateLimitPerMinute:
      rateRank(a.rateLimitPerMinute) <= rateRank(b.rateLimitPerMinute)
        ? a.rateLimitPerMinute
        : b.rateLimitPerMinute,
  };
}

export function strengthOf(k: KeyRow): KeyStrength {
  return {
    expiresAt: k.expires_at === null ? null : Number(k.expires_at),
    rateLimitPerMinute: Number(k.rate_limit_per_minute),
  };
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
