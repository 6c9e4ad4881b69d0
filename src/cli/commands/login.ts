// `baton login`: store the tracker URL and API key in the Baton config file (0600) after checking them.
import { createInterface } from 'node:readline';
import { createTrackerClient } from '../../client/index.js';
import { normalizeTrackerUrl, writeConfigFile } from '../../core/config/index.js';
import { BatonError } from '../../core/errors.js';
import { defineCommand, printJson } from '../command.js';
import { paint } from '../style.js';
import { wakeSender } from '../tracker/sender-script.js';

const HELP = `Usage: baton login [--url URL] [--key KEY] [--allow-insecure] [--json]

Checks the API key against the tracker, then saves {url, apiKey} to the Baton config file (mode 0600), where the
plugin's hooks, sender and commands find them. Without --key the key is read from stdin (so it stays out of your
shell history): echo "$KEY" | baton login --url https://tracker.example.com

Options:
  --url URL          tracker base URL (default: the one configured now)
  --key KEY          API key (bt_…); create one at <tracker>/settings or with \`baton tracker keys create\`
  --allow-insecure   allow plain http:// to a non-loopback host (private networks only)
  --json             print the result as JSON
  -h, --help         show this help
`;

async function readKeyFromStdin(stdin: NodeJS.ReadableStream): Promise<string | undefined> {
  const rl = createInterface({ input: stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim() || undefined;
  }
  return undefined;
}

export const loginCommand = defineCommand({
  name: 'login',
  summary: 'save and verify the tracker URL and API key',
  help: HELP,
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    'allow-insecure': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values }, ctx) {
    const rawUrl = values.url ?? ctx.config.trackerUrl;
    if (!rawUrl)
      throw new BatonError(
        'invalid_input',
        'give the tracker URL: baton login --url https://tracker.example.com',
      );
    const url = normalizeTrackerUrl(rawUrl);
    if (!url)
      throw new BatonError(
        'invalid_input',
        `--url must be an http(s) URL without query or fragment (got "${rawUrl}")`,
      );
    const key =
      values.key ??
      ((ctx.io.stdin as { isTTY?: boolean }).isTTY ? undefined : await readKeyFromStdin(ctx.io.stdin));
    if (!key) throw new BatonError('invalid_input', 'give the API key with --key, or pipe it on stdin');
    const allowInsecure = Boolean(values['allow-insecure']) || ctx.config.allowInsecure;
    const client = createTrackerClient({
      baseUrl: url,
      apiKey: key,
      allowInsecure,
      userAgent: 'baton-cli',
      maxRetries: 1,
    });
    let me;
    try {
      me = await client.account.me();
    } finally {
      await client.close();
    }
    writeConfigFile(ctx.config.configFile, {
      url,
      apiKey: key,
      ...(values['allow-insecure'] ? { allowInsecure: true } : {}),
    });
    const overridden = [
      'BATON_URL',
      'BATON_API_KEY',
      'CLAUDE_PLUGIN_OPTION_TRACKER_URL',
      'CLAUDE_PLUGIN_OPTION_API_KEY',
    ].filter((k) => ctx.io.env[k]);
    const sender = await wakeSender({
      ...ctx,
      config: { ...ctx.config, trackerUrl: url, apiKey: key },
    }).catch(() => ({ action: 'no-sender' as const }));
    if (values.json) {
      return printJson(
        ctx,
        {
          url,
          user: me.user,
          key: me.key,
          configFile: ctx.config.configFile,
          overriddenBy: overridden,
          sender: sender.action,
        },
        { compact: true },
      );
    }
    const p = paint(ctx.io);
    ctx.io.out(
      `${p.green('✓')} Logged in to ${url} as ${p.bold(me.user.name)} (${me.user.role}), key bt_${me.key.prefix}…\n`,
    );
    ctx.io.out(`  saved to ${ctx.config.configFile} (mode 0600)\n`);
    if (sender.action === 'spawned') ctx.io.out('  pending sessions are uploading in the background\n');
    if (overridden.length)
      ctx.io.out(
        p.yellow(
          `  note: ${overridden.join(', ')} set in your environment take precedence over the config file\n`,
        ),
      );
    return 0;
  },
});
