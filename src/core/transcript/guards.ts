// Tiny type guards for narrowing `unknown` transcript records on the hot path (no schema library per record).

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object as JSON.parse makes them (not a class instance, Date or Map): what a transcript line may be. */
export function isPlainObject(v: unknown): v is Obj {
  if (!isObj(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value when it is a non-empty string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A token count: a finite non-negative number, truncated to an integer; anything else counts as 0. */
export function count(v: unknown): number {
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? Math.floor(v) : 0;
}

/** `obj[key]` when it is an object, else undefined. */
export function objAt(o: Obj, key: string): Obj | undefined {
  const v = o[key];
  return isObj(v) ? v : undefined;
}
