// The relay's saved position: source offsets, next seq and merge keys, so a restarted relay resumes, not repeats.
import { readFileSync, unlinkSync } from 'node:fs';

import { writeFileAtomic } from '../../../core/fs/write-atomic.js';
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
  writeFileAtomic(path, JSON.stringify(p));
}

export function removeRelayProgress(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone
  }
}
