// Request parsing: JSON bodies and query strings through zod, with clear 400s for every client mistake.
import type { Context } from 'hono';
import { z } from 'zod';
import { BatonError } from '../../src/core/errors.js';
import { issueDetails } from './errors.js';

/** Deeper JSON than this is refused: nothing in the API nests so deep, and it guards recursive stringify. */
const MAX_DEPTH = 64;

/** `allowEmpty`: an empty body is parsed as `{}` (routes whose every field is optional, e.g. POST /api/v1/live). */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  opts: { allowEmpty?: boolean } = {},
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch (cause) {
    throw new BatonError('invalid_request', 'could not read the request body', { cause });
  }
  if (text.trim() === '') {
    if (opts.allowEmpty) return parseWith(schema, {}, 'body');
    throw new BatonError('invalid_request', 'a JSON body is required');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BatonError('invalid_request', 'the body is not valid JSON');
  }
  if (exceedsDepth(value, MAX_DEPTH))
    throw new BatonError('invalid_request', `JSON nested deeper than ${MAX_DEPTH} levels`);
  // JSON can only carry NUL escaped, so the raw text tells whether the walk is needed at all.
  return parseWith(schema, text.includes('\\u0000') ? withoutNul(value) : value, 'body');
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new BatonError('invalid_request', `invalid ${where}`, { details: issueDetails(r.error) });
  return r.data;
}

/**
 * NUL cannot be stored in a PostgreSQL text value; replacing it (with U+FFFD) on the way in keeps both engines
 * storing the same thing. Depth is already bounded when this runs.
 */
export function withoutNul(v: unknown): unknown {
  if (typeof v === 'string') return v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v;
  if (Array.isArray(v)) return v.map(withoutNul);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) out[withoutNul(k) as string] = withoutNul(child);
    return out;
  }
  return v;
}

/** Iterative, so hostile nesting cannot blow the stack while we look at it. */
export function exceedsDepth(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
    }
  }
  return false;
}
