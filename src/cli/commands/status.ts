// `baton status`: local outbox depth, last delivery, sender state, and whether the tracker answers and takes the key.
import { isBatonError } from '../../core/errors.js';
import { parseFlags } from '../args.js';
import type { CliCommand } from '../command.js';
import type { CliContext } from '../context.js';
import { paint } from '../style.js';
import { outboxDepth, senderView } from '../tracker/local-state.js';
import { requireClient } from '../tracker/require-client.js';

const HELP = `Usage: baton status [--json]

Shows what is waiting locally (sessions and records not yet on the tracker), the background sender's state and
last delivery, and whether the tracker is reachable and accepts the configured key.
`;

export interface TrackerCheck {
  configured: boolean;
  url?: string;
  reachable?: boolean;
  keyValid?: boolean;
  user?: string;
  error?: { code: string; message: string };
}

export async function checkTracker(ctx: CliContext): Promise<TrackerCheck> {
  if (!ctx.config.trackerUrl) return { configured: false };
  const out: TrackerCheck = { configured: true, url: ctx.config.trackerUrl };
  let client;
  try {
    client = requireClient(ctx, { timeoutMs: 4000, maxRetries: 0 });
    await client.health.health();
    out.reachable = true;
    const me = await client.account.me();
    out.keyValid = true;
    out.user = me.user.name;
  } catch (err) {
    const code = isBatonError(err) ? err.code : 'internal';
    out.error = { code, message: err instanceof Error ? err.message : String(err) };
    if (code === 'auth') out.keyValid = false;
    else if (out.reachable === undefined) out.reachable = code === 'config' ? undefined : false;
  } finally {
    await client?.close();
  }
  return out;
}

export const statusCommand: CliCommand = {
  name: 'status',
  summary: 'outbox depth, sender state, last delivery, tracker reachability',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' } }, 'status');
    const [depth, tracker] = await Promise.all([outboxDepth(ctx.config.dataDir), checkTracker(ctx)]);
    const sender = senderView(ctx.config.dataDir);
    const result = { dataDir: ctx.config.dataDir, autoSync: ctx.config.autoSync, outbox: depth, sender, tracker };
    if (values.json) {
      ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const p = paint(ctx.io);
    const st = sender.status;
    const lines = [
      `${p.bold('Tracker')}   ${describeTracker(tracker, p)}`,
      `${p.bold('Outbox')}    ${depth.sessions} session(s) captured in ${ctx.config.dataDir}; ${depth.pendingRecords === 0 ? p.green('nothing waiting') : p.yellow(`${depth.pendingRecords} record(s) in ${depth.pendingSessions} session(s) waiting`)}${depth.ignoredSessions ? `; ${depth.ignoredSessions} ignored (opted out)` : ''}`,
      `${p.bold('Sender')}    ${sender.running ? p.green(`running (pid ${sender.pid}, ${st?.state ?? 'starting'})`) : `not running${st?.exit ? ` (last run ended: ${st.exit})` : ''}`}${ctx.config.autoSync ? '' : p.yellow(' — auto-sync is off')}`,
      `${p.bold('Delivered')} ${st?.lastDeliveryAt ? `last at ${st.lastDeliveryAt}` : 'nothing yet'}`,
    ];
    if (st?.lastError && st.state !== 'idle' && st.state !== 'stopped') lines.push(`${p.bold('Last error')} ${st.lastError.message}`);
    if (sender.authError) lines.push(p.red(`Key problem: ${sender.authError.message}`));
    if (!ctx.config.redact) lines.push(p.yellow('Redaction is OFF (BATON_REDACT=0): auto-sync sends secrets as they are'));
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

function describeTracker(t: TrackerCheck, p: ReturnType<typeof paint>): string {
  if (!t.configured) return p.yellow('not configured (run baton login) — sessions are kept locally');
  if (t.keyValid) return `${t.url} ${p.green('reachable')}, key OK (${t.user})`;
  if (t.keyValid === false) return `${t.url} ${p.green('reachable')}, ${p.red(t.error?.message ?? 'key rejected')}`;
  return `${t.url} ${p.red(`unreachable: ${t.error?.message ?? 'unknown error'}`)}`;
}
