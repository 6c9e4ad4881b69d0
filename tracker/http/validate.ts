// Both ways through zod: requests parsed with clear 400s for every client mistake; responses checked against their docs.
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ErrorBody } from '../../src/core/api/common.js';
import { BatonError } from '../../src/core/errors.js';
import { issueDetails } from './errors.js';
import { withoutNul } from '../db/nul.js';

/** Deeper JSON than this is refused: nothing in the API nests so deep, and it guards recursive stringify. */
const MAX_DEPTH = 64;

/**
 * `allowEmpty`: an empty body is parsed as `{}` (routes whose every field is optional, e.g. POST /api/v1/live).
 * `lossless`: body paths whose strings keep NUL (see RouteSpec.lossless); everywhere else NUL becomes U+FFFD.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  opts: { allowEmpty?: boolean; lossless?: readonly string[] } = {},
): Promise<z.output<S>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch (cause) {
    throw new BatonError('invalid_request', 'could not read the request body', { cause });
  }
  if (text.trim() === '') {
    if (opts.allowEmpty) return parseInput(schema, {}, 'body');
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
  const keep = opts.lossless?.map((p) => p.split('.'));
  return parseInput(schema, text.includes('\\u0000') ? withoutNul(value, keep) : value, 'body');
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseInput(schema, c.req.query(), 'query');
}

/** Path parameters as Hono decoded them (a route path only matches when each one is present). */
export function readParams(c: Context): Record<string, string> {
  return c.req.param() as Record<string, string>;
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new BatonError('invalid_request', `invalid ${where}`, { details: issueDetails(r.error) });
  return r.data;
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

/** What a route promises about its answers (a RouteDoc, seen from here without importing the route factory). */
export interface ResponseContract {
  method: string;
  path: string;
  /** Success statuses, with the JSON schema of the body where there is one. */
  responses: Record<number, { schema?: z.ZodType }>;
  /** Every error status it may answer (bodies: ErrorBody). */
  errors: readonly number[];
}

/**
 * Why a response breaks what its route documents, or null: an undocumented status, a JSON body that does not parse
 * with the documented schema (ErrorBody for errors), or fields the schema does not name. Tests run every request
 * through this (createApp's `validateResponses`), so the document cannot drift from what the routes answer.
 */
export async function responseProblem(
  route: ResponseContract | undefined,
  res: Response,
): Promise<string | null> {
  const status = res.status;
  const json = (res.headers.get('content-type') ?? '').startsWith('application/json');
  const body = async (): Promise<unknown> => {
    const text = await res.clone().text();
    try {
      return JSON.parse(text);
    } catch {
      return Symbol.for('not JSON'); // fails every schema, ErrorBody included
    }
  };
  if (!route || status >= 500) return json && status >= 400 ? schemaProblem(ErrorBody, await body()) : null;
  const ok = route.responses[status];
  if (ok) {
    if (!ok.schema) return null;
    if (!json) return `${status} is documented as JSON, answered ${res.headers.get('content-type')}`;
    return schemaProblem(ok.schema, await body());
  }
  if (!route.errors.includes(status)) return `status ${status} is not documented`;
  return json ? schemaProblem(ErrorBody, await body()) : null;
}

function schemaProblem(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  if (!r.success) return `body does not match its schema: ${JSON.stringify(issueDetails(r.error))}`;
  const extra = undocumentedKeys(value, r.data, '$');
  return extra.length ? `body has fields its schema does not name: ${extra.slice(0, 10).join(', ')}` : null;
}

/** Keys the parse dropped (zod strips unknown keys), i.e. fields the response sends but the document omits. */
function undocumentedKeys(sent: unknown, parsed: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed))
    return sent.flatMap((v, i) => undocumentedKeys(v, parsed[i], `${at}[${i}]`));
  if (!isObject(sent) || !isObject(parsed)) return [];
  return Object.entries(sent).flatMap(([k, v]) =>
    k in parsed ? undocumentedKeys(v, parsed[k], `${at}.${k}`) : [`${at}.${k}`],
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * createApp's opt-in check: a response that breaks its route's document becomes a loud 500 naming the breach.
 * `routeOf` names the route a request matched (defineRoute's record), or undefined when none did.
 */
export function checkResponses(routeOf: (c: Context) => ResponseContract | undefined): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'HEAD') return; // no body to hold to anything
    const route = routeOf(c);
    const problem = await responseProblem(route, c.res);
    if (!problem) return;
    const where = route ? `${route.method.toUpperCase()} ${route.path}` : `${c.req.method} ${c.req.path}`;
    c.res = undefined;
    c.res = new Response(
      JSON.stringify({ error: { code: 'response_contract', message: `${where}: ${problem}` } }),
      { status: 500, headers: { 'content-type': 'application/json' } },
    );
  };
}
