// Small parsers for env-style values, shared by the config resolvers (no deps: the hook bundles this).

export type Env = Readonly<Record<string, string | undefined>>;

/** A set, non-blank env value, trimmed; unsubstituted `${...}` placeholders count as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const v = raw.trim();
  if (v === '' || /^\$\{[^}]*\}$/.test(v)) return undefined;
  return v;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** `1|true|yes|on` → true, `0|false|no|off` → false, anything else (or unset) → undefined. */
export function envFlag(env: Env, name: string): boolean | undefined {
  const v = envValue(env, name)?.toLowerCase();
  if (v === undefined) return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}
