// API key management bodies: keys are shown raw exactly once, on creation.
import { z } from 'zod';
import { IsoDate } from './common.js';

/** Raw keys look like `bt_<base64url of 32 random bytes>`. */
export const API_KEY_PATTERN = /^bt_[A-Za-z0-9_-]{43,}$/;

export const ApiKeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  /** The first 8 characters after `bt_`, for recognising a key in lists. */
  prefix: z.string(),
  createdAt: IsoDate,
  lastUsedAt: IsoDate.nullable(),
  expiresAt: IsoDate.nullable(),
  revokedAt: IsoDate.nullable(),
  /** Requests per minute; 0 means unlimited. */
  rateLimitPerMinute: z.number().int().nonnegative(),
});

/** A duration like `30d`, `12h`, `90m` or `2w`. */
export const DurationText = z
  .string()
  .regex(/^[1-9][0-9]{0,5}[mhdw]$/, 'expected a duration like 30d, 12h, 90m or 2w');

export const CreateKeyRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    expiresIn: DurationText.optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    rateLimitPerMinute: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine((v) => !(v.expiresIn && v.expiresAt), { message: 'give expiresIn or expiresAt, not both' });

export const CreateKeyResponse = z.object({ key: ApiKeyInfo, rawKey: z.string() });
export const ListKeysResponse = z.object({ keys: z.array(ApiKeyInfo) });
/** DELETE /api/v1/keys/{id}: the revoked key as it now stands. */
export const RevokeKeyResponse = CreateKeyResponse.pick({ key: true });

export type ApiKeyInfo = z.infer<typeof ApiKeyInfo>;
export type CreateKeyRequest = z.infer<typeof CreateKeyRequest>;
export type CreateKeyResponse = z.infer<typeof CreateKeyResponse>;
export type ListKeysResponse = z.infer<typeof ListKeysResponse>;
