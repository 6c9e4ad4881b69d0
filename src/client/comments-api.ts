// Comments and reactions on a session's events (issue 14): the read the plugin makes (`baton export --comments`).
import { CommentsResponse } from '../core/api/index.js';
import type { CallOptions } from './sessions-api.js';
import type { Transport } from './transport.js';
import { seg } from './validate.js';

export function createCommentsApi(t: Transport) {
  return {
    /**
     * Every comment and reaction on the session, as its reader sees them (the owner, or anyone it is shared with).
     * 404 → code not_found: no such session on this tracker for this key (e.g. never pushed).
     */
    list: (sessionId: string, o: CallOptions = {}) =>
      t.call({
        method: 'GET',
        path: `/api/v1/sessions/${seg(sessionId)}/comments`,
        response: CommentsResponse,
        ...o,
      }),
  };
}
