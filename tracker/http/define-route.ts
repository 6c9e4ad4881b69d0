// One object per route: its doc (method, path, auth, limits, schemas, statuses) and its handler, mounted in one place.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { limitBody } from './body-limit.js';
import type { AppEnv } from './env.js';
import { parseInput, readJson, readParams, readQuery } from './validate.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';

/**
 * Who may call. `apiKey`: a Bearer API key (checked, and rate limited per key, by the app's one auth middleware).
 * `apiKeyOnly`: the same, and a live-stream token there is refused by name. `liveStream`: a producer token, or the
 * owner's API key (through the same auth middleware), or the owner's web session for reads. `session`: the browser
 * session cookie (pages; a redirect to /login otherwise). `none`: anyone.
 */
export type AuthKind = 'none' | 'apiKey' | 'apiKeyOnly' | 'liveStream' | 'session';

/**
 * `perKey`: the API key's own limit, applied with the key check (so only on key-authenticated routes).
 * `loginAddress`: sign-in attempts per client address. `none`: no request limit (say why in the route).
 */
export type RateLimitKind = 'perKey' | 'loginAddress' | 'none';

export interface ResponseDoc {
  /** The JSON body, validated in tests against every real response with this status. */
  schema?: z.ZodType;
  /** For non-JSON bodies (exports, SSE, pages). */
  contentType?: string;
  description?: string;
}

type Params<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | Params<Rest> : never;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<D, P extends string, Q, B, F, A> {
  c: Context<AppEnv>;
  deps: D;
  params: { [K in Params<P>]: string };
  query: Out<Q>;
  body: Out<B>;
  form: Out<F>;
  /** What `authorize` returned (e.g. the resource it checked the caller against). */
  allowed: A;
}

export interface RouteSpec<D, P extends string, Q, B, F, A> {
  method: Method;
  /** OpenAPI style: `/api/v1/sessions/{id}`. */
  path: P;
  /** Groups the reference; `web` routes (pages and forms) stay out of the public OpenAPI document. */
  tag: string;
  summary: string;
  description?: string;
  auth: AuthKind;
  rateLimit: RateLimitKind;
  /** Bytes, from the deps (config); required with a body or form. `false`: deliberately unbounded (say why). */
  bodyLimit?: ((deps: D) => number) | false;
  /** Path parameters beyond "a non-empty segment" (e.g. an id's length), when the path itself accepts more. */
  params?: z.ZodType<{ [K in Params<P>]: string }>;
  query?: Q;
  body?: B;
  /** Body may be empty (parsed as `{}`): routes whose every body field is optional. */
  emptyBody?: boolean;
  /**
   * Body paths kept byte for byte, NUL included ('*' matches every array item or key), e.g. `entries.*.line`:
   * values stored compressed as bytes, never in a text column. Elsewhere NUL becomes U+FFFD (see readJson).
   */
  lossless?: readonly string[];
  /** A form POST, read by the mount's `readForm` (the web's CSRF-checked reader), then parsed with this. */
  form?: F;
  /** Success statuses (and their bodies). */
  responses: Record<number, ResponseDoc>;
  /** Who, among the authenticated, may: runs before any input is read (a refusal never depends on the body). */
  authorize?: (c: Context<AppEnv>, deps: D) => A | Promise<A>;
  /** Error statuses besides the ones implied by auth (401), rate limit (429), parsing (400) and body limit (413). */
  errors?: readonly number[];
  handler: (input: RouteInput<D, P, Q, B, F, A>) => Response | Promise<Response>;
}

/** What the OpenAPI renderer, the docs page and the response validator read. */
export interface RouteDoc {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: AuthKind;
  rateLimit: RateLimitKind;
  params?: z.ZodType;
  query?: z.ZodObject;
  body?: z.ZodType;
  form?: z.ZodType;
  responses: Record<number, ResponseDoc>;
  /** Every error status this route can answer, implied ones included, sorted. */
  errors: number[];
  /** In the public OpenAPI document (everything but `web`). */
  public: boolean;
}

export interface Route<D> extends RouteDoc {
  mount(app: Hono<AppEnv>, deps: D, opts: MountOptions, basePath: string): void;
}

export interface MountOptions {
  /** The middleware chain for each auth kind: a route whose kind has none cannot be mounted. */
  guards: Partial<Record<AuthKind, MiddlewareHandler<AppEnv>[]>>;
  /** Extra request limiters (`perKey` comes with the key guard). */
  limiters?: Partial<Record<RateLimitKind, MiddlewareHandler<AppEnv>>>;
  /** Reads a form body (the web passes its CSRF check here, so no form skips it). */
  readForm?: (c: Context) => Promise<Record<string, string>>;
}

const KEY_AUTH: AuthKind[] = ['apiKey', 'apiKeyOnly', 'liveStream'];

/**
 * The route a request matched (set before any guard runs, so refusals are attributed to it too). Keyed by the
 * Context, not c.req.raw: the body limit swaps the raw Request for a counting one when a body has no Content-Length.
 */
const matched = new WeakMap<Context, RouteDoc>();
export const matchedRoute = (c: Context): RouteDoc | undefined => matched.get(c);

export function defineRoute<D>() {
  return <
    const P extends string,
    Q extends z.ZodObject | undefined = undefined,
    B extends z.ZodType | undefined = undefined,
    F extends z.ZodType | undefined = undefined,
    A = undefined,
  >(
    spec: RouteSpec<D, P, Q, B, F, A>,
  ): Route<D> => {
    type Input = RouteInput<D, P, Q, B, F, A>;
    const where = `${spec.method.toUpperCase()} ${spec.path}`;
    if ((spec.body || spec.form) && spec.bodyLimit === undefined)
      throw new Error(`${where}: a route with a body needs a bodyLimit (or false, deliberately)`);
    if (spec.rateLimit === 'perKey' && !KEY_AUTH.includes(spec.auth))
      throw new Error(`${where}: the per-key rate limit needs an API-key auth`);
    const implied = [
      ...(spec.params || spec.query || spec.body || spec.form ? [400] : []),
      ...(KEY_AUTH.includes(spec.auth) ? [401] : []),
      ...(spec.bodyLimit ? [413] : []),
      ...(spec.rateLimit !== 'none' ? [429] : []),
    ];
    const doc: RouteDoc = {
      method: spec.method,
      path: spec.path,
      tag: spec.tag,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      auth: spec.auth,
      rateLimit: spec.rateLimit,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.form ? { form: spec.form } : {}),
      // A page that needs a signed-in user sends everyone else to /login (and back afterwards).
      responses:
        spec.auth === 'session'
          ? { 303: { description: 'Not signed in: to /login?next=…' }, ...spec.responses }
          : spec.responses,
      errors: [...new Set([...(spec.errors ?? []), ...implied])].sort((a, b) => a - b),
      public: spec.tag !== 'web',
    };
    return {
      ...doc,
      mount(app, deps, opts, basePath) {
        if (!spec.path.startsWith(basePath)) throw new Error(`${where}: not under ${basePath}`);
        const guards = opts.guards[spec.auth];
        if (!guards) throw new Error(`${where}: no guard for auth "${spec.auth}" where it is mounted`);
        const limiter =
          spec.rateLimit === 'perKey' || spec.rateLimit === 'none' ? [] : [opts.limiters?.[spec.rateLimit]];
        if (limiter.some((l) => !l))
          throw new Error(`${where}: no limiter "${spec.rateLimit}" where it is mounted`);
        if (spec.form && !opts.readForm)
          throw new Error(`${where}: a form route needs readForm where it is mounted`);
        const mark: MiddlewareHandler<AppEnv> = async (c, next) => {
          matched.set(c, doc);
          await next();
        };
        const chain: MiddlewareHandler<AppEnv>[] = [
          mark,
          ...guards,
          ...(limiter as MiddlewareHandler<AppEnv>[]),
          ...(spec.bodyLimit ? [limitBody(spec.bodyLimit(deps))] : []),
        ];
        const path = (spec.path.slice(basePath.length) || '/').replace(/\{(\w+)\}/g, ':$1');
        const handle: MiddlewareHandler<AppEnv> = async (c) => {
          const allowed = (await spec.authorize?.(c, deps)) as A;
          const raw = readParams(c);
          const params = (spec.params ? parseInput(spec.params, raw, 'path') : raw) as Input['params'];
          const query = (spec.query ? readQuery(c, spec.query) : undefined) as Out<Q>;
          const body = (
            spec.body
              ? await readJson(c, spec.body, { allowEmpty: spec.emptyBody, lossless: spec.lossless })
              : undefined
          ) as Out<B>;
          const form = (
            spec.form ? parseInput(spec.form, await opts.readForm!(c), 'form') : undefined
          ) as Out<F>;
          return spec.handler({ c, deps, params, query, body, form, allowed });
        };
        app.on([spec.method.toUpperCase()], [path], ...chain, handle);
      },
    };
  };
}

/** Mounts each route on `app` (a sub-app mounted at `basePath` strips it from the documented path). */
export function mountRoutes<D>(
  app: Hono<AppEnv>,
  routes: ReadonlyArray<Route<D>>,
  deps: D,
  opts: MountOptions,
  basePath = '',
): void {
  for (const r of routes) r.mount(app, deps, opts, basePath);
}
