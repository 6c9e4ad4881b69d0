// Random identifiers and slugs, and the hash used for API keys.
import { createHash, randomBytes } from 'node:crypto';

/** `usr_…`, `key_…`, `post_…`: 16 random bytes, base64url. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url')}`;
}

/** An unguessable share slug (128 bits). */
export function newSlug(): string {
  return randomBytes(16).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable id for a (user, project slug): the same project keeps the same id on every instance. */
export function projectId(userId: string, slug: string): string {
  return `prj_${createHash('sha256').update(`${userId}\0${slug}`).digest('base64url').slice(0, 22)}`;
}
