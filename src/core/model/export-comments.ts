// Comments and reactions as an export carries them (issue 14): per event, one level of replies, reactions counted.
import { z } from 'zod';
import { Session } from './session.js';

/** A reaction as a count: exports say how many, never who. */
export const ExportReaction = z.object({ emoji: z.string(), count: z.number().int().positive() });

export const ExportComment = z.object({
  id: z.string(),
  /** The author's display name, redacted like any other text. */
  author: z.string(),
  createdAt: z.string(),
  text: z.string(),
  reactions: z.array(ExportReaction),
});

export const ExportCommentThread = ExportComment.extend({
  /** Replies are one level deep (the tracker refuses a reply to a reply), oldest first. */
  replies: z.array(ExportComment),
});

/** What readers said about one event: its comment threads and the reactions to the event itself. */
export const EventComments = z.object({
  eventUuid: z.string(),
  reactions: z.array(ExportReaction),
  comments: z.array(ExportCommentThread),
});

/**
 * A JSON export: the session model plus, when comments were asked for, `comments` in the order of their events.
 * Kept out of `Session` itself so nothing but an exporter (behind its egress gate) ever carries comment text.
 */
export const ExportedSession = Session.extend({ comments: z.array(EventComments).optional() });

export type ExportReaction = z.infer<typeof ExportReaction>;
export type ExportComment = z.infer<typeof ExportComment>;
export type ExportCommentThread = z.infer<typeof ExportCommentThread>;
export type EventComments = z.infer<typeof EventComments>;
