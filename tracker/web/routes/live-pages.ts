// `/live/:viewerToken`: the live viewer page (no login for unlisted streams); its feed and status probe are API routes.
import { resolveViewer } from '../../live/index.js';
import { html, type WebDeps } from '../web-deps.js';
import { liveViewerPage } from '../pages/live-viewer.js';
import { PAGE, pageRoute, pageRoutes } from './page-route.js';

export const LIVE_PAGE_ROUTES = [
  pageRoute({
    method: 'get',
    path: '/live/{viewerToken}',
    tag: 'web',
    summary: 'The live viewer page behind a view URL',
    auth: 'none', // the view URL is the capability; a private stream also wants its owner's cookie
    rateLimit: 'none',
    responses: PAGE,
    // 410 pages say why the link died (ended by its owner, or expired); unknown links are plain 404s.
    errors: [404, 410],
    handler: async ({ c, deps: d, params: { viewerToken: token } }) => {
      const liveDeps = { service: d.live.service, store: d.live.store, auth: liveAuthFor(d) };
      const row = await resolveViewer(c, token, liveDeps);
      const user = await d.sessions.current(c);
      const base = `/live/${encodeURIComponent(token)}`;
      return html(
        c,
        liveViewerPage({
          title: row.title,
          eventsUrl: `${base}/events`,
          statusUrl: `${base}/status`,
          user: user ? { name: user.name } : null,
          csrfToken: user ? await d.csrf.token(c) : undefined,
        }),
      );
    },
  }),
];

/** Mounted at /live, beside the feed and status probe (API routes on the app itself). */
export function createLivePageRoutes(d: WebDeps) {
  return pageRoutes(d, LIVE_PAGE_ROUTES, { basePath: '/live' });
}

/** The live module's view of who is signed in: the browser session cookie (API keys do not apply to pages). */
export function liveAuthFor(d: Pick<WebDeps, 'sessions'>) {
  return {
    userFromCookie: async (c: Parameters<WebDeps['sessions']['current']>[0]) => {
      const u = await d.sessions.current(c);
      return u ? { userId: u.userId } : null;
    },
  };
}
