// `baton push`: publish a session to the tracker as a new post (or into an existing one) and print its URL.
import { Visibility } from '../../core/api/index.js';
import { BatonError } from '../../core/errors.js';
import { oneOf, parseFlags } from '../args.js';
import type { CliCommand } from '../command.js';
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

export const pushCommand: CliCommand = {
  name: 'push',
  summary: 'publish a session to the tracker and print its URL',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseFlags(
      argv,
      {
        'post-id': { type: 'string' },
        title: { type: 'string' },
        visibility: { type: 'string' },
        'no-redact': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      'push',
    );
    if (positionals.length > 1)
      throw new BatonError('invalid_input', 'push takes at most one session id or transcript path');
    const outcome = await pushSession(ctx, {
      ref: positionals[0],
      postId: values['post-id'] as string | undefined,
      title: values.title as string | undefined,
      visibility: oneOf(values.visibility as string | undefined, Visibility.options, '--visibility'),
      redact: !values['no-redact'],
    });
    ctx.io.out(values.json ? `${JSON.stringify(outcome)}\n` : `${describePush(outcome)}\n`);
    return 0;
  },
};
