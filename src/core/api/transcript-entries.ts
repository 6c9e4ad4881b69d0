// Transcript entries (issue 12): a session's transcript lines kept losslessly on the tracker, per sub-file.
import { z } from 'zod';
import { SUB_KEY_MAX, SUB_KEY_PATTERN } from '../transcript/sub-key.js';

/**
 * Which transcript file of the session: '' for the main one, else a relative path such as 'subagents/agent-<id>'.
 * Segments never start with a dot, so a sub key written back to disk cannot climb out of the session's folder.
 */
export const TranscriptSubKey = z
  .string()
  .max(SUB_KEY_MAX)
  .regex(SUB_KEY_PATTERN, 'a relative path of plain names');

/** One transcript line as the client's file holds it (after its egress gate): a JSON object. */
export const TranscriptLine = z.record(z.string(), z.unknown());

const EntryUuid = z.string().min(1).max(200);

export const AppendEntriesRequest = z
  .object({
    subKey: TranscriptSubKey.default(''),
    /**
     * The Agent SDK's `projectKey` (a SessionStore's tenant/project scope): kept on the session, listed with
     * `GET /api/v1/sessions?projectKey=`. Set by the session's first append; later ones may not change it.
     */
    projectKey: z.string().min(1).max(500).optional(),
    entries: z
      .array(
        z
          .object({
            /** The line's uuid: appending it again is a no-op. Lines without one are appended every time. */
            uuid: EntryUuid.optional(),
            /** Redundant with the body's subKey (a gated body names it on each item too); must match it. */
            subKey: TranscriptSubKey.optional(),
            line: TranscriptLine,
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict()
  .refine((v) => v.entries.every((e) => e.subKey === undefined || e.subKey === v.subKey), {
    message: "an entry's subKey must be the body's subKey",
    path: ['entries'],
  });

/**
 * Transcript lines riding along with an event append, a push or an upload (one upload path: the same request that
 * carries a session's events carries its raw entries, after the same egress gate).
 */
export const SessionEntryItem = z
  .object({
    /** '' (default): the main transcript; else e.g. 'subagents/agent-<id>'. */
    subKey: TranscriptSubKey.optional(),
    uuid: EntryUuid.optional(),
    line: TranscriptLine,
  })
  .strict();
export const SessionEntries = z.array(SessionEntryItem).max(200_000);

export const AppendEntriesResponse = z.object({
  appended: z.number().int(),
  /** Entries whose uuid the file already held (or that repeated one in the same request). */
  duplicates: z.number().int(),
});

export const ListEntriesQuery = z.object({
  subKey: TranscriptSubKey.default(''),
  /** Entries after this seq (0: from the start); pass the previous page's `next`. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const TranscriptEntry = z.object({
  seq: z.number().int(),
  uuid: z.string().nullable(),
  line: TranscriptLine,
});

export const ListEntriesResponse = z.object({
  entries: z.array(TranscriptEntry),
  /** The `after` of the next page, or null when this page reached the end. */
  next: z.number().int().nullable(),
});

export const ListSubkeysResponse = z.object({
  /** Every file of the session that holds entries, '' (the main file) included when it does. */
  subKeys: z.array(z.string()),
});

export type AppendEntriesRequest = z.infer<typeof AppendEntriesRequest>;
export type SessionEntryItem = z.infer<typeof SessionEntryItem>;
export type AppendEntriesResponse = z.infer<typeof AppendEntriesResponse>;
export type ListEntriesQuery = z.infer<typeof ListEntriesQuery>;
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;
export type ListEntriesResponse = z.infer<typeof ListEntriesResponse>;
export type ListSubkeysResponse = z.infer<typeof ListSubkeysResponse>;
