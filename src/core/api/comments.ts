// Comments and reactions on a session's events (issue 14): what the tracker's comment routes take and answer.
import { z } from 'zod';
import { IsoDate } from './common.js';

/** A small fixed set: reactions are acknowledgements, not a second comment channel. */
export const REACTION_EMOJI = ['👍', '🎉', '❤️', '🚀', '👀', '😕'] as const;
export const ReactionEmoji = z.enum(REACTION_EMOJI);
export const COMMENT_MAX_CHARS = 4000;

export const CommentText = z
  .string()
  .trim()
  .min(1, 'a comment needs some text')
  .max(COMMENT_MAX_CHARS, `a comment is at most ${COMMENT_MAX_CHARS} characters`);

export const CreateCommentRequest = z
  .object({
    eventUuid: z.string().min(1).max(200),
    text: CommentText,
    /** A reply: the top-level comment it answers (replies are one level deep). */
    parentId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const ToggleReactionRequest = z
  .object({
    eventUuid: z.string().min(1).max(200),
    /** React to a comment on that event instead of the event itself. */
    commentId: z.string().min(1).max(100).optional(),
    emoji: ReactionEmoji,
  })
  .strict();

export const CommentSettingsRequest = z.object({ commentsEnabled: z.boolean() }).strict();

export const ReactionSummary = z.object({
  emoji: ReactionEmoji,
  count: z.number().int(),
  /** The caller is among them (false for anonymous readers). */
  mine: z.boolean(),
});

export const Comment = z.object({
  id: z.string(),
  eventUuid: z.string(),
  parentId: z.string().nullable(),
  /** `key`: an opaque, stable key for the author (live frames carry it so a browser can tell its own comments). */
  author: z.object({ name: z.string(), key: z.string() }),
  text: z.string(),
  createdAt: IsoDate,
  reactions: z.array(ReactionSummary),
  /** The caller may delete it (its author, or the session's owner). */
  canDelete: z.boolean(),
});

export const CommentsResponse = z.object({
  sessionId: z.string(),
  commentsEnabled: z.boolean(),
  /** The caller may comment and react here (signed in, with access, comments on). */
  canComment: z.boolean(),
  comments: z.array(Comment),
  /** Reactions to events themselves, by event uuid. */
  eventReactions: z.record(z.string(), z.array(ReactionSummary)),
});

export const CommentResponse = z.object({ comment: Comment });
export const ReactionResponse = z.object({
  eventUuid: z.string(),
  commentId: z.string().nullable(),
  emoji: ReactionEmoji,
  /** The caller's reaction is now present (false: the toggle removed it). */
  active: z.boolean(),
  reactions: z.array(ReactionSummary),
});
export const CommentSettingsResponse = z.object({ sessionId: z.string(), commentsEnabled: z.boolean() });
export const DeleteCommentResponse = z.object({ deleted: z.literal(true), id: z.string() });

export type Comment = z.infer<typeof Comment>;
export type CommentsResponse = z.infer<typeof CommentsResponse>;
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;
export type ToggleReactionRequest = z.infer<typeof ToggleReactionRequest>;
export type ReactionSummary = z.infer<typeof ReactionSummary>;
export type ReactionResponse = z.infer<typeof ReactionResponse>;
