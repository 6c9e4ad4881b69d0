// `baton status`: local outbox depth, last delivery, sender state, and whether the tracker answers and takes the key.
import { isBatonError } from '../../core/errors.js';
import { defineCommand, printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { paint } from '../style.js';
import { outboxDepth, senderView } from '../tracker/local-state.js';
import { quarantineSummary, type SessionSkips } from '../../capture/outbox/quarantine.js';
import { spilledSessions } from '../../capture/outbox/spill.js';
import { requireClient } from '../tracker/require-client.js';

const HELP = `Usage: baton status [--json]

Shows what is waiting locally (sessions and records not yet on the tracker), the background sender's state and
last delivery, whether the tracker is reachable and accepts the configured key, and per session the lines and
events set aside (quarantined) with the reason, so nothing is skipped silently.
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

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'outbox depth, sender state, last delivery, tracker reachability',
  help: HELP,
  options: { json: { type: 'boolean' } },
  async run({ values }, ctx) {
    const [depth, tracker] = await Promise.all([outboxDepth(ctx.config.dataDir), checkTracker(ctx)]);
    const sender = senderView(ctx.config.dataDir);
    const skipped = quarantineSummary(ctx.config.dataDir);
    // Hook entries written aside while the outbox lock was busy, not merged yet (the next hook or the sender will).
    const spilled = [...spilledSessions(ctx.config.dataDir)].sort();
    const result = {
      dataDir: ctx.config.dataDir,
      autoSync: ctx.config.autoSync,
      outbox: { ...depth, spilledSessions: spilled },
      sender,
      tracker,
      skipped,
    };
    if (values.json) return printJson(ctx, result);
    const p = paint(ctx.io);
    const st = sender.status;
    const lines = [
      `${p.bold('Tracker')}   ${describeTracker(tracker, p)}`,
      `${p.bold('Outbox')}    ${depth.sessions} session(s) captured in ${ctx.config.dataDir}; ${depth.pendingRecords === 0 ? p.green('nothing waiting') : p.yellow(`${depth.pendingRecords} record(s) in ${depth.pendingSessions} session(s) waiting`)}${depth.ignoredSessions ? `; ${depth.ignoredSessions} ignored (opted out)` : ''}`,
      `${p.bold('Sender')}    ${sender.running ? p.green(`running (pid ${sender.pid}, ${st?.state ?? 'starting'})`) : `not running${st?.exit ? ` (last run ended: ${st.exit})` : ''}`}${ctx.config.autoSync ? '' : p.yellow(' — auto-sync is off')}`,
      `${p.bold('Delivered')} ${st?.lastDeliveryAt ? `last at ${st.lastDeliveryAt}` : 'nothing yet'}`,
    ];
    if (st?.lastError && st.state !== 'idle' && st.state !== 'stopped')
      lines.push(`${p.bold('Last error')} ${st.lastError.message}`);
    if (sender.authError) lines.push(p.red(`Key problem: ${sender.authError.message}`));
    lines.push(...describeSkips(skipped, p));
    if (spilled.length)
      lines.push(
        `${p.bold('Spilled')}   ${spilled.length} session(s) with hook entries waiting to be merged (the next hook or the sender does it)`,
      );
    if (!ctx.config.redact)
      lines.push(p.yellow('Redaction is OFF (BATON_REDACT=0): auto-sync sends secrets as they are'));
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  },
});

function describeTracker(t: TrackerCheck, p: ReturnType<typeof paint>): string {
  if (!t.configured) return p.yellow('not configured (run baton login) — sessions are kept locally');
  if (t.keyValid) return `${t.url} ${p.green('reachable')}, key OK (${t.user})`;
  if (t.keyValid === false)
    return `${t.url} ${p.green('reachable')}, ${p.red(t.error?.message ?? 'key rejected')}`;
  return `${t.url} ${p.red(`unreachable: ${t.error?.message ?? 'unknown error'}`)}`;
}

const REASONS: Record<string, string> = {
  line_too_large: 'line over 8 MiB',
  unparsable_line: 'not JSON',
  normalize_failed: 'could not be read',
  event_failed: 'could not be sent',
  entry_failed: 'could not be mirrored',
  rejected_by_tracker: 'refused by the tracker',
};

/** One line per session with something set aside: how many, why, and the file that holds them. */
export function describeSkips(skips: SessionSkips[], p: ReturnType<typeof paint>): string[] {
  if (!skips.length) return [];
  const total = skips.reduce((n, s) => n + s.total, 0);
  const out = [
    `${p.bold('Skipped')}   ${p.yellow(`${total} line(s) or event(s) quarantined in ${skips.length} session(s)`)}`,
  ];
  for (const s of skips) {
    const why = Object.entries(s.byReason)
      .map(([r, n]) => `${n} ${REASONS[r] ?? r}`)
      .join(', ');
    out.push(`  ${s.sessionId}: ${why} (${s.file})`);
  }
  return out;
}
