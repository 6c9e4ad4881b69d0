// How the manage forms are defined: a plain form POST that redirects back, and a confirmed action (GET: the confirm
// page, POST: the action) from one description, so no destructive form exists without its confirmation.
import { z } from 'zod';
import type { Route } from '../../http/define-route.js';
import { confirmPage } from '../pages/confirm.js';
import { html, type PageCtx, type WebDeps } from '../web-deps.js';
import { PAGE, REDIRECT, pageCtx, pageRoute } from './page-route.js';

/** Form bodies here are a few short fields. */
export const FORM_BYTES = 16_384;
const base = { tag: 'web', auth: 'session', rateLimit: 'none' } as const;

/** A local path to go back to, or the fallback: never another origin (`//host`, `/\host`) or a scheme. */
export function safeBack(v: string | undefined, fallback: string): string {
  return v && /^\/(?![/\\])[^\s]*$/.test(v) && v.length <= 2000 ? v : fallback;
}

/** Appends a query parameter to a local path (keeps an existing query and drops a fragment). */
export function withParam(path: string, key: string, value: string): string {
  const clean = path.split('#')[0]!;
  return `${clean}${clean.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}

export const BackForm = z.object({ back: z.string().optional() }).passthrough();
type Form = Record<string, string | undefined>;

/** A form POST that changes something and redirects (303) to `back` or the place the action returns. */
export function formAction(spec: {
  path: `${string}{id}${string}`;
  summary: string;
  run: (d: WebDeps, ctx: PageCtx, id: string, form: Form) => Promise<string>;
}): Route<WebDeps> {
  return pageRoute({
    ...base,
    method: 'post',
    path: spec.path,
    summary: spec.summary,
    bodyLimit: () => FORM_BYTES,
    form: BackForm,
    responses: REDIRECT,
    errors: [403, 404, 410],
    handler: async ({ c, deps, params, form }) => {
      const ctx = pageCtx(c);
      const next = await spec.run(deps, ctx, params.id, form as Form);
      return c.redirect(next, 303);
    },
  });
}

export interface Question {
  title: string;
  message: string;
  confirmLabel: string;
}

/**
 * A destructive action behind a confirmation. `load` finds the caller's own thing (a 404 otherwise, before anything is
 * asked or done); `ask` words the question; `run` does it and returns where to go.
 */
export function confirmedAction<T>(spec: {
  path: `${string}{id}${string}`;
  summary: string;
  load: (d: WebDeps, ctx: PageCtx, id: string) => Promise<T>;
  ask: (thing: T) => Question;
  run: (d: WebDeps, ctx: PageCtx, thing: T, id: string, form: Form) => Promise<string>;
  /** Where Cancel goes when the page was not given `back`. */
  cancel: (id: string) => string;
}): Array<Route<WebDeps>> {
  return [
    pageRoute({
      ...base,
      method: 'get',
      path: spec.path,
      summary: `Confirm: ${spec.summary}`,
      responses: PAGE,
      errors: [404],
      handler: async ({ c, deps, params }) => {
        const ctx = pageCtx(c);
        const thing = await spec.load(deps, ctx, params.id);
        const back = c.req.query('back');
        return html(
          c,
          confirmPage({
            ...spec.ask(thing),
            user: ctx.view,
            csrfToken: ctx.csrf,
            action: c.req.path,
            fields: back ? { back: safeBack(back, '/') } : {},
            cancelHref: safeBack(back, spec.cancel(params.id)),
          }),
        );
      },
    }),
    pageRoute({
      ...base,
      method: 'post',
      path: spec.path,
      summary: spec.summary,
      bodyLimit: () => FORM_BYTES,
      form: BackForm,
      responses: REDIRECT,
      errors: [403, 404, 410],
      handler: async ({ c, deps, params, form }) => {
        const ctx = pageCtx(c);
        const thing = await spec.load(deps, ctx, params.id);
        return c.redirect(await spec.run(deps, ctx, thing, params.id, form as Form), 303);
      },
    }),
  ];
}
