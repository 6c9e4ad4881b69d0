// `baton sessions`: list or search the user's sessions on the tracker, and manage them (star, tag, share, delete…).
import { BatonError } from '../../core/errors.js';
import { defineCommand } from '../command.js';
import { SESSION_ACTIONS } from '../sessions/actions.js';
import { listSessions } from '../sessions/list.js';

export { duration, shortDate } from '../sessions/list.js';

const HELP = `Usage: baton sessions [list] [options]
       baton sessions <action> <id> [args] [--json]

Lists your sessions on the tracker, newest first (or best match first with --search). SHARED says what exposes
each one: its own link (unlisted/public), a shared post, an open live stream.

Options for list:
  --search TEXT        full-text search over prompts and responses (all words must match)
  --project P          only this project (id, slug or name)
  --status S           active|completed|interrupted|error
  --source S           cli-stream|cli-upload|ingest
  --tag T              only sessions with this tag
  --starred            only starred sessions        --archived   only archived sessions
  --limit N            how many (default 20, max 100)     --page N   which page (default 1)
  --json               print the tracker's JSON answer
  -h, --help           show this help

Actions:
  star|unstar <id>                    archive|unarchive <id>
  tag <id> <tag…>                     untag <id> <tag…>
  rename <id> <title…>
  visibility <id> private|unlisted|public     (private kills every link handed out so far)
  unshare <id>                        withdraw every way it is shared: private, link rotated, live links revoked
  delete <id> [--purge] [--yes]       to the trash for 30 days (--purge: for good); asks first on a terminal,
                                      and without one refuses unless --yes
  restore <id>                        bring it back from the trash
  trash [--limit N] [--page N]        what is in the trash (sessions and posts) and when it goes for good
`;

export const sessionsCommand = defineCommand({
  name: 'sessions',
  summary: 'list, search and manage your sessions on the tracker (star, tag, share, delete, restore)',
  help: HELP,
  options: {
    search: { type: 'string' },
    project: { type: 'string' },
    status: { type: 'string' },
    source: { type: 'string' },
    tag: { type: 'string' },
    starred: { type: 'boolean' },
    archived: { type: 'boolean' },
    limit: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    purge: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...args] = positionals;
    if (action === undefined || action === 'list') return listSessions(values, ctx);
    const run = SESSION_ACTIONS[action];
    if (!run)
      throw new BatonError(
        'invalid_input',
        `unknown action "${action}": try list, ${Object.keys(SESSION_ACTIONS).join(', ')} (baton sessions --help)`,
      );
    return run(args, values, ctx);
  },
});
