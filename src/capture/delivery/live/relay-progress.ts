// The relay's saved position: source offsets, next seq and merge keys, so a restarted relay resumes, not repeats.
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const RelayProgress = z.object({
  v: z.literal(1),
  liveId: z.string(),
  transcriptPath: z.string().optional(),
  /** Byte offsets per transcript file (main and subagents). */
  transcript: z.record(z.string(), z.number().int().nonnegative()),
  outboxByte: z.number().int().nonnegative(),
  inboxByte: z.number().int().nonnegative(),
  nextSeq: z.number().int().min(1),
  merge: z.object({
    turn: z.number().int(),
    promptsFromHook: z.array(z.string()),
    promptsFromTranscript: z.array(z.string()),
    tools: z.array(z.string()),
  }),
});
export type RelayProgress = z.infer<typeof RelayProgress>;

/** The saved progress for this stream, or null (missing, unreadable, or saved for another stream). */
export function readRelayProgress(path: string, liveId: string): RelayProgress | null {
  try {
    const parsed = RelayProgress.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success && parsed.data.liveId === liveId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeRelayProgress(path: string, p: RelayProgress): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(p), { mode: 0o600 });
  renameSync(tmp, path);
}

export function removeRelayProgress(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone
  }
}
