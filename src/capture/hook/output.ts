// The one owner of a hook process's stdout and exit: exit 0 always, at most one systemMessage line per session.
import { mkdirSync, openSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HookOutcome {
  /** A real failure the user should know about (capture is not being saved). */
  warning?: string;
  /** A one-time message already deduplicated by its producer (e.g. the tracker rejected the API key). */
  notice?: string;
  sessionId?: string;
  /** SessionStart only: text Claude Code adds to the new session's context (the latest handoff's next steps). */
  additionalContext?: string;
}

/** Writes the warning (if any, and if this session has not been warned yet) and exits 0. Never returns. */
export function finishHook(outcome: HookOutcome): never {
  const warning =
    outcome.warning && firstWarning(outcome.sessionId ?? 'unknown') ? outcome.warning : undefined;
  const message = [warning, outcome.notice].filter(Boolean).join('\n');
  if (message || outcome.additionalContext) {
    const out: Record<string, unknown> = {};
    if (message) out.systemMessage = message;
    if (outcome.additionalContext) {
      out.hookSpecificOutput = {
        hookEventName: 'SessionStart',
        additionalContext: outcome.additionalContext,
      };
    }
    try {
      writeSync(1, `${JSON.stringify(out)}\n`);
    } catch {
      // Claude Code stopped listening: nothing else to tell.
    }
  }
  process.exit(0);
}

/** Any uncaught error still ends in exit 0: a capture bug must never block or fail a prompt. */
export function installCrashGuard(): void {
  const bail = (): void => finishHook({});
  process.on('uncaughtException', bail);
  process.on('unhandledRejection', bail);
}

/**
 * The per-session "already warned" marker lives in the temp dir, not the data dir: a broken data dir is the usual
 * reason to warn. When the marker cannot be written we stay quiet rather than repeat the message on every hook.
 */
export function firstWarning(sessionId: string, base = tmpdir()): boolean {
  const dir = join(base, `baton-hook-${process.getuid?.() ?? 'user'}`);
  const marker = join(dir, `warned-${sessionId}`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      closeSync(openSync(marker, 'wx', 0o600));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt > 0) return false;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
      } catch {
        return false;
      }
    }
  }
  return false;
}
