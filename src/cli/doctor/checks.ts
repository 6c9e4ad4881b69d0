// The checks `baton doctor` runs: each returns ok/warn/fail, a detail line and, when not ok, how to fix it.
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '../../client/index.js';
import { isBatonError } from '../../core/errors.js';
import type { CliContext } from '../invocation.js';
import { requireClient } from '../tracker/require-client.js';
import { senderView } from '../tracker/local-state.js';

export type CheckLevel = 'ok' | 'warn' | 'fail';
export interface CheckResult {
  name: string;
  level: CheckLevel;
  detail: string;
  fix?: string;
}

const ok = (name: string, detail: string): CheckResult => ({ name, level: 'ok', detail });
const warn = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  level: 'warn',
  detail,
  ...(fix ? { fix } : {}),
});
const fail = (name: string, detail: string, fix?: string): CheckResult => ({
  name,
  level: 'fail',
  detail,
  ...(fix ? { fix } : {}),
});

export function checkNode(version = process.versions.node): CheckResult {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  if (major > 20 || (major === 20 && minor >= 18)) return ok('node', `Node ${version}`);
  return fail(
    'node',
    `Node ${version} is too old (Baton needs 20.18 or newer)`,
    'install Node 20.18+ (e.g. `nvm install 20`)',
  );
}

export function checkDisabled(ctx: CliContext): CheckResult {
  return ctx.config.disabled
    ? warn('enabled', 'BATON_DISABLE is set: hooks capture nothing', 'unset BATON_DISABLE')
    : ok('enabled', 'capture is on');
}

export function checkConfig(ctx: CliContext): CheckResult[] {
  const out: CheckResult[] = [];
  // Redaction off is a choice, never a silent one: every command that sends something says so too.
  out.push(
    ctx.config.redact
      ? ok('redaction', 'secrets are redacted before anything leaves this machine')
      : warn(
          'redaction',
          'redaction is OFF (BATON_REDACT=0 or redact: false): secrets leave this machine as they are; <private> spans and pauses still hold',
          'unset BATON_REDACT (or set redact: true in the config file)',
        ),
  );
  const file = ctx.config.configFile;
  if (ctx.config.problems.length)
    out.push(fail('config', ctx.config.problems.join('; '), `fix or remove the offending file (${file})`));
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077)
      out.push(
        warn(
          'config file mode',
          `${file} is readable by others (mode ${mode.toString(8)}) and holds your API key`,
          `chmod 600 ${file}`,
        ),
      );
    else out.push(ok('config file', `${file} (mode 600)`));
  }
  if (!ctx.config.trackerUrl) {
    out.push(
      warn(
        'tracker',
        'no tracker configured: sessions stay local (export still works)',
        'baton login --url <tracker URL> --key <API key>',
      ),
    );
  } else if (!ctx.config.apiKey) {
    out.push(
      fail(
        'api key',
        `tracker ${ctx.config.trackerUrl} is set but no API key`,
        `create a key at ${ctx.config.trackerUrl}/settings, then baton login --key <key>`,
      ),
    );
  } else {
    const u = new URL(ctx.config.trackerUrl);
    if (u.protocol === 'http:' && !isLoopbackHost(u.hostname) && !ctx.config.allowInsecure) {
      out.push(
        fail(
          'tls',
          `${ctx.config.trackerUrl} is plain http to another host: the key would travel in clear text, so Baton refuses`,
          'use https://, or `baton login --allow-insecure` for a trusted private network',
        ),
      );
    } else
      out.push(
        ok(
          'tracker',
          `${ctx.config.trackerUrl} (url from ${ctx.config.trackerUrlSource}, key from ${ctx.config.apiKeySource})`,
        ),
      );
  }
  return out;
}

export async function checkTracker(ctx: CliContext): Promise<CheckResult[]> {
  if (!ctx.config.trackerUrl || !ctx.config.apiKey) return [];
  let client;
  try {
    client = requireClient(ctx, { timeoutMs: 5000, maxRetries: 0 });
  } catch {
    return []; // reported by checkConfig
  }
  const out: CheckResult[] = [];
  try {
    await client.health.health();
    const version = await client.health.version().catch(() => 'unknown');
    out.push(ok('tracker reachable', `${client.baseUrl} answers (API version ${version})`));
    try {
      const me = await client.account.me();
      out.push(
        ok(
          'api key',
          `valid: ${me.user.name} (${me.user.role}), key bt_${me.key.prefix}…${me.key.expiresAt ? `, expires ${me.key.expiresAt}` : ''}`,
        ),
      );
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      out.push(
        fail(
          'api key',
          msg,
          isBatonError(err) && err.code === 'auth'
            ? `create a key at ${client.baseUrl}/settings, then baton login --key <key>`
            : undefined,
        ),
      );
    }
  } catch (err) {
    out.push(
      fail(
        'tracker reachable',
        err instanceof Error ? err.message : String(err),
        'start the tracker (`npm start` or `baton tracker serve`) or fix the URL with baton login --url',
      ),
    );
  } finally {
    await client.close();
  }
  return out;
}

/** The plugin this CLI belongs to: hooks.json present and pointing at a bundled hook; enabled in Claude Code. */
export function checkHooks(ctx: CliContext, fromUrl: string = import.meta.url): CheckResult[] {
  const out: CheckResult[] = [];
  const root = pluginRoot(ctx, fromUrl);
  if (!root) {
    out.push(warn('hooks', 'cannot find the plugin folder (hooks/hooks.json) next to this CLI'));
  } else {
    const hooksJson = join(root, 'hooks', 'hooks.json');
    const text = readFileSync(hooksJson, 'utf8');
    const bundled = existsSync(join(root, 'dist', 'hook.cjs'));
    const events = Object.keys((JSON.parse(text) as { hooks?: Record<string, unknown> }).hooks ?? {});
    if (!bundled)
      out.push(fail('hooks', `${root}/dist/hook.cjs is missing`, 'run `npm run build` in the plugin folder'));
    else if (!events.includes('SessionEnd') || !events.includes('Stop'))
      out.push(fail('hooks', `hooks.json registers only ${events.join(', ')}`, 'reinstall the plugin'));
    else out.push(ok('hooks', `${events.length} hook events registered (${hooksJson})`));
  }
  const enabled = enabledInClaude(ctx);
  if (enabled === false)
    out.push(
      warn(
        'plugin enabled',
        'Claude Code does not list baton as an enabled plugin',
        'claude plugin install baton@<marketplace> (or run claude with --plugin-dir <plugin folder>)',
      ),
    );
  else if (enabled) out.push(ok('plugin enabled', enabled));
  return out;
}

export function checkDataDir(ctx: CliContext): CheckResult {
  const dir = ctx.config.dataDir;
  const probe = join(dir, `.doctor-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(probe, 'x', { mode: 0o600 });
    rmSync(probe);
    accessSync(dir, constants.W_OK);
    return ok('data dir', `${dir} is writable (from ${ctx.config.dataDirSource})`);
  } catch (err) {
    return fail(
      'data dir',
      `${dir} is not writable: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      `fix its permissions, or set BATON_DATA_DIR to a writable folder`,
    );
  }
}

export function checkSender(ctx: CliContext): CheckResult {
  const v = senderView(ctx.config.dataDir);
  if (v.authError)
    return fail(
      'sender',
      `stopped: ${v.authError.message}`,
      'baton login --key <new key> (pending sessions upload right after)',
    );
  if (v.running) return ok('sender', `running (pid ${v.pid})`);
  const st = v.status;
  if (st?.lastError && st.exit === 'lifetime')
    return warn(
      'sender',
      `gave up after retrying: ${st.lastError.message}`,
      'check the tracker; the next Claude Code turn restarts the sender',
    );
  return ok(
    'sender',
    st?.lastDeliveryAt
      ? `idle, last delivery ${st.lastDeliveryAt}`
      : 'idle (starts when a session needs uploading)',
  );
}

function pluginRoot(ctx: CliContext, fromUrl: string): string | null {
  const explicit = ctx.io.env.CLAUDE_PLUGIN_ROOT;
  if (explicit && existsSync(join(explicit, 'hooks', 'hooks.json'))) return explicit;
  let dir: string;
  try {
    dir = dirname(fileURLToPath(fromUrl));
  } catch {
    return null;
  }
  for (let i = 0; i < 6; i++) {
    if (
      existsSync(join(dir, 'hooks', 'hooks.json')) &&
      existsSync(join(dir, '.claude-plugin', 'plugin.json'))
    )
      return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** A description when Claude Code's settings enable a baton plugin, false when they exist and do not, null when unknown. */
function enabledInClaude(ctx: CliContext): string | false | null {
  try {
    const settings = JSON.parse(readFileSync(join(ctx.claudeConfigDir, 'settings.json'), 'utf8')) as {
      enabledPlugins?: Record<string, boolean>;
    };
    const hit = Object.entries(settings.enabledPlugins ?? {}).find(
      ([k, v]) => v && (k === 'baton' || k.startsWith('baton@')),
    );
    return hit ? `${hit[0]} is enabled in ${join(ctx.claudeConfigDir, 'settings.json')}` : false;
  } catch {
    return null;
  }
}
