// Every web page and form route, for the check that what is mounted is what is defined (and nothing else).
import type { RouteDoc } from '../../http/define-route.js';
import { ASSET_ROUTES } from './assets.js';
import { AUTH_ROUTES } from './auth.js';
import { COMMENT_PAGE_ROUTES, LIVE_COMMENT_ROUTES } from './comments.js';
import { DIAGNOSTICS_ROUTES } from './diagnostics.js';
import { FILES_CHANGED_ROUTES } from './files-changed.js';
import { HANDOFF_PAGE_ROUTES } from './handoffs.js';
import { LIVE_PAGE_ROUTES } from './live-pages.js';
import { PRESENCE_ROUTES } from './presence.js';
import { PROJECT_PAGE_ROUTES } from './projects.js';
import { REPLAY_ROUTES } from './replay.js';
import { SESSION_ACTION_ROUTES } from './session-actions.js';
import { SESSION_PAGE_ROUTES } from './sessions.js';
import { SETTINGS_ROUTES } from './settings.js';
import { SHARE_PAGE_ROUTES } from './share.js';
import { USAGE_PAGE_ROUTES } from './usage.js';

export const WEB_ROUTES: readonly RouteDoc[] = [
  ...ASSET_ROUTES,
  ...LIVE_PAGE_ROUTES,
  ...AUTH_ROUTES,
  ...SESSION_PAGE_ROUTES,
  ...SESSION_ACTION_ROUTES,
  ...SHARE_PAGE_ROUTES,
  ...FILES_CHANGED_ROUTES,
  ...PROJECT_PAGE_ROUTES,
  ...HANDOFF_PAGE_ROUTES,
  ...SETTINGS_ROUTES,
  ...DIAGNOSTICS_ROUTES,
  ...USAGE_PAGE_ROUTES,
  ...PRESENCE_ROUTES,
  ...REPLAY_ROUTES,
  ...COMMENT_PAGE_ROUTES,
  ...LIVE_COMMENT_ROUTES,
];
