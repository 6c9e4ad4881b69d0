// The hook runner: one bundled entry for every event. Reads stdin, appends to the outbox, returns an outcome.
import { homedir } from 'node:os';
import { homedirFrom, isDisabled, resolveDataDir } from '../../core/config/data-dir.js';
import type { Env } from '../../core/config/env-values.js';
import { BatonError } from '../../core/errors.js';
import { parseHookInput, type HookInput } from './input.js';
import { appendHookLog } from './log.js';
import type { HookOutcome } from './output.js';
import { planHook } from './plan.js';
import { readStdinSync } from './read-stdin.js';
import { hookLogPath } from '../outbox/paths.js';
import { appendToOutbox } from '../outbox/writer.js';
import { handOffToSender } from '../session/end.js';
import { liveAfterHook } from '../delivery/live/after-hook.js';
import { isCapturePaused, KEPT_WHILE_PAUSED } from '../session/capture-pause.js';
import { kickSender } from '../delivery/sender/kick.js';
import { handoffContextFor, parseHandoffContextMode } from '../session/next-steps-offer.js';

/**
 * How long a hook waits for a busy outbox lock before it spills its entry (see outbox/spill.ts). A lock is normally
 * held for milliseconds; waiting longer only blocks the prompt. SessionEnd shares a 1.5 s budget with node start-up
 * and the sender hand-off, so it waits less.
 */
const LOCK_WAIT_MS = { default: 500, SessionEnd: 250 } as const;

/**
 * Runs one hook: `argv[2]` is the event name from hooks.json. Never throws; failures become log lines and, for
 * failures the user must know about (the data dir cannot be written, a bug), a warning in the outcome.
 */
export async function runHook(argv: readonly string[], env: Env): Promise<HookOutcome> {
  // The kill switch comes before anything that could touch the disk.
  if (isDisabled(env)) return {};
  const eventArg = argv[2];
  let dataDir: string | undefined;
  let sessionId: string | undefined;
  try {
    dataDir = resolveDataDir(env, homedirFrom(env, homedir)).dataDir;
    const input = readInput(dataDir, eventArg);
    if (!input) return {};
    sessionId = input.sessionId;
    capture(input, dataDir);
    // After the outbox write (the live relay reads it from there); records the current-session pointer too.
    await liveAfterHook(input, dataDir, argv[1], env);
    return await afterCapture(input, argv, env, dataDir);
  } catch (err) {
    return failed(dataDir, eventArg, sessionId, err);
  }
}

/** The hook's payload, or null (logged) when stdin cannot be read or is not a hook payload. */
function readInput(dataDir: string, eventArg: string | undefined): HookInput | null {
  let text: string;
  try {
    text = readStdinSync();
  } catch (err) {
    appendHookLog(dataDir, {
      level: 'warn',
      event: eventArg,
      code: errnoOf(err) ?? 'invalid_input',
      message: 'cannot read stdin',
    });
    return null;
  }
  const parsed = parseHookInput(text, eventArg);
  if (!parsed.ok) {
    appendHookLog(dataDir, { level: 'warn', event: eventArg, code: 'invalid_input', message: parsed.reason });
    return null;
  }
  return parsed.input;
}

/** Appends the event's entries and one chunk of each transcript to the session's outbox (or a spill file). */
function capture(input: HookInput, dataDir: string): void {
  const plan = planHook(input);
  // SessionEnd copies one chunk of the main transcript, like any hook; the rest (a large backlog, subagent files)
  // is the sender's final sweep, which runs before the session is marked completed (delivery/sender/catch-up.ts).
  const ending = input.event === 'SessionEnd';
  // Paused (/export-session --pause): new transcript lines are skipped, never copied; only start/end are kept.
  const paused = isCapturePaused(dataDir, input.sessionId);
  const written = appendToOutbox(
    dataDir,
    input.sessionId,
    paused ? plan.entries.filter((e) => KEPT_WHILE_PAUSED.has(e.k)) : plan.entries,
    {
      sweep: plan.sweep,
      lockWaitMs: ending ? LOCK_WAIT_MS.SessionEnd : LOCK_WAIT_MS.default,
      discardSweep: paused,
      spillOnBusy: true,
    },
  );
  for (const e of written.sweepErrors) {
    appendHookLog(dataDir, {
      level: 'warn',
      event: input.event,
      sessionId: input.sessionId,
      code: e.errno,
      message: `cannot read transcript ${e.path}`,
    });
  }
}

/** SessionEnd hands the upload to a detached sender; each turn and start make sure a sender is delivering. */
async function afterCapture(
  input: HookInput,
  argv: readonly string[],
  env: Env,
  dataDir: string,
): Promise<HookOutcome> {
  if (input.event === 'SessionEnd') {
    await handOff(argv, env, dataDir, input.sessionId);
    return {};
  }
  if (input.event !== 'Stop' && input.event !== 'SessionStart') return {};
  // One readlink when the sender runs, a spawn when not.
  const kicked = await kickSender({ hookScript: argv[1], env, dataDir }).catch(() => null);
  const additionalContext = input.event === 'SessionStart' ? startContext(input, dataDir, env) : undefined;
  if (kicked?.notice || additionalContext)
    return { sessionId: input.sessionId, notice: kicked?.notice, additionalContext };
  return {};
}

/** A new (not resumed or forked) session is offered the latest fresh handoff: a small local index, never the network. */
function startContext(
  input: { source?: string; cwd?: string },
  dataDir: string,
  env: Env,
): string | undefined {
  if (input.source === 'resume' || input.source === 'fork') return undefined;
  try {
    const mode = parseHandoffContextMode(
      env.BATON_HANDOFF_CONTEXT ?? env.CLAUDE_PLUGIN_OPTION_HANDOFF_CONTEXT,
    );
    return handoffContextFor(dataDir, input.cwd ?? process.cwd(), Date.now(), mode) ?? undefined;
  } catch {
    return undefined;
  }
}

async function handOff(argv: readonly string[], env: Env, dataDir: string, sessionId: string): Promise<void> {
  const hookScript = argv[1];
  if (!hookScript) return;
  try {
    await handOffToSender({ hookScript, env, dataDir, sessionId });
  } catch (err) {
    // The outbox is safe on disk; the next sender run picks the session up.
    appendHookLog(dataDir, {
      level: 'warn',
      event: 'SessionEnd',
      sessionId,
      code: errnoOf(err) ?? 'internal',
      message: `sender not started: ${messageOf(err)}`,
    });
  }
}

function failed(
  dataDir: string | undefined,
  event: string | undefined,
  sessionId: string | undefined,
  err: unknown,
): HookOutcome {
  const code = err instanceof BatonError ? err.code : 'internal';
  const errno = errnoOf(err);
  const logged = dataDir
    ? appendHookLog(dataDir, {
        level: code === 'timeout' ? 'warn' : 'error',
        event,
        sessionId,
        code: errno ?? code,
        message: messageOf(err),
      })
    : false;
  // Not expected any more (a busy lock spills), but a timeout is still nothing to interrupt the user for.
  if (code === 'timeout') return {};
  const where = logged && dataDir ? ` Details: ${hookLogPath(dataDir)}.` : '';
  const why = errno ? ` (${errno})` : '';
  return {
    sessionId,
    warning: `Baton could not save this session locally${why} and will keep trying.${where} BATON_DISABLE=1 turns Baton off.`,
  };
}

function errnoOf(err: unknown): string | undefined {
  const direct = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof direct === 'string' && !(err instanceof BatonError)) return direct;
  const details = err instanceof BatonError ? (err.details as { errno?: unknown } | undefined) : undefined;
  if (typeof details?.errno === 'string') return details.errno;
  const cause = err instanceof Error ? (err.cause as NodeJS.ErrnoException | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
