// `baton push`: publish a session to the tracker as a new post (or into an existing one) and print its URL.
import { Visibility } from '../../core/api/index.js';
import { oneOf } from '../args.js';
import { defineCommand, printJson } from '../command.js';
import { describePush, pushSession } from '../push/push-session.js';

const HELP = `Usage: baton push [<session-id>|<transcript.jsonl>] [options]

Publishes a Claude Code session to the configured tracker (redacted) and prints its URL. With no session given,
pushes the newest session of the current directory. Pushing again updates the same session; nothing is duplicated.

Options:
  --post-id ID                         add the session to this existing post (default: create a new post)
  --title T                            the post's title (default: the session's title)
  --visibility private|unlisted|public who can open it (new posts default to private)
  --no-redact                          send secrets as they are (redaction is on by default)
  --json                               print the result as JSON
  -h, --help                           show this help
`;

export const pushCommand = defineCommand({
  name: 'push',
  summary: 'publish a session to the tracker and print its URL',
  help: HELP,
  options: {
    'post-id': { type: 'string' },
    title: { type: 'string' },
    visibility: { type: 'string' },
    'no-redact': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { max: 1, tooMany: 'push takes at most one session id or transcript path' },
  async run({ values, positionals }, ctx) {
    const outcome = await pushSession(ctx, {
      ref: positionals[0],
      postId: values['post-id'],
      title: values.title,
      visibility: oneOf(values.visibility, Visibility.options, '--visibility'),
      redact: !values['no-redact'],
    });
    if (values.json) return printJson(ctx, outcome, { compact: true });
    ctx.io.out(`${describePush(outcome)}\n`);
    return 0;
  },
});
