// The server-rendered web UI: every page route group behind the security headers, plus the static assets.
import { Hono } from 'hono';
import type { WebDeps } from './web-deps.js';
import { createAssetRoutes } from './routes/assets.js';
import { createAuthRoutes } from './routes/auth.js';
import { createCommentRoutes, createLiveCommentRoutes } from './routes/comments.js';
import { createDiagnosticsRoutes } from './routes/diagnostics.js';
import { createFilesChangedRoutes } from './routes/files-changed.js';
import { createHandoffRoutes } from './routes/handoffs.js';
import { createLivePageRoutes } from './routes/live-pages.js';
import { createPresenceRoutes } from './routes/presence.js';
import { createProjectRoutes } from './routes/projects.js';
import { createReplayRoutes } from './routes/replay.js';
import { createSessionActionRoutes } from './routes/session-actions.js';
import { createSessionRoutes } from './routes/sessions.js';
import { createSettingsRoutes } from './routes/settings.js';
import { createShareRoutes } from './routes/share.js';
import { createUsageRoutes } from './routes/usage.js';
import { securityHeaders } from './security.js';

export type { WebDeps } from './web-deps.js';
export { createWebSessions } from './web-sessions.js';

/** Mount at `/`. The live viewer's SSE feed (live.viewer) is mounted by the caller at /live next to these pages. */
export function createWeb(d: WebDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.route('/assets', createAssetRoutes());
  app.route('/live', createLivePageRoutes(d));
  app.route('/', createAuthRoutes(d));
  app.route('/', createSessionRoutes(d));
  app.route('/', createSessionActionRoutes(d));
  app.route('/', createShareRoutes(d));
  app.route('/', createFilesChangedRoutes(d));
  app.route('/', createProjectRoutes(d));
  app.route('/', createHandoffRoutes(d));
  app.route('/', createSettingsRoutes(d));
  app.route('/', createDiagnosticsRoutes(d));
  app.route('/', createUsageRoutes(d));
  app.route('/', createPresenceRoutes(d));
  app.route('/', createCommentRoutes(d));
  app.route('/live', createLiveCommentRoutes(d));
  app.route('/', createReplayRoutes(d));
  return app;
}
