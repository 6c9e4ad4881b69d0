// `/live/:viewerToken`: the live viewer page (no login for unlisted streams); its feed and status probe are API routes.
import { Hono } from 'hono';
import { BatonError } from '../../../src/core/errors.js';
import { resolveViewer } from '../../live/index.js';
import { html, renderError, type WebDeps } from '../context.js';
import { liveViewerPage } from '../pages/live-viewer.js';

export function createLivePageRoutes(d: WebDeps): Hono {
  const app = new Hono();
  const liveDeps = { service: d.live.service, store: d.live.store, auth: liveAuthFor(d) };

  app.get('/:viewerToken', async (c) => {
    try {
      const token = c.req.param('viewerToken');
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
    } catch (err) {
      // 410 pages say why the link died (ended by its owner, or expired); unknown links are plain 404s.
      if (err instanceof BatonError && err.code === 'gone') {
        return renderError(c, d, new BatonError('gone', err.message));
      }
      return renderError(c, d, err);
    }
  });

  return app;
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
