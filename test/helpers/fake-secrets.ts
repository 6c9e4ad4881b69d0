// Builds secret-shaped test strings at run time, so no real-looking credential is ever committed to the repository.

const ALNUM = 'aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uVwXyZ';

/** `n` characters cycling through a mixed-case alphanumeric alphabet, shifted by `seed`. */
export function mix(n: number, seed = 0, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[(i * 7 + seed) % alphabet.length];
  return s;
}

/** Upper-case letters and digits (AWS key ids, Slack webhook ids). */
export const upper = (n: number, seed = 0): string => mix(n, seed, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');

/** `prefix` + `n` mixed characters: `fake('ghp_', 36)`. */
export const fake = (prefix: string, n: number, seed = 0): string => prefix + mix(n, seed);

/** A structurally valid JWT (header and payload are base64url JSON). */
export function fakeJwt(payload: Record<string, unknown> = { sub: '1234567890', name: 'Ada' }): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${mix(43, 5).replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A PEM private key block with `lines` lines of base64 body. */
export function fakePem(kind = 'RSA', lines = 5, newline = '\n'): string {
  const body = Array.from({ length: lines }, (_, i) => mix(64, i, `${ALNUM}+/`)).join(newline);
  return `-----BEGIN ${kind} PRIVATE KEY-----${newline}${body}${newline}-----END ${kind} PRIVATE KEY-----`;
}
