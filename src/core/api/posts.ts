// Posts group one or more sessions under a title and a visibility of their own.
import { z } from 'zod';
import { IsoDate, PageQuery, Pagination, Visibility } from './common.js';
import { TrashedSession } from './sessions.js';

export const Post = z.object({
  id: z.string(),
  title: z.string().nullable(),
  visibility: Visibility,
  shareSlug: z.string().nullable(),
  sessionIds: z.array(z.string()),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  url: z.string(),
});

export const ListPostsQuery = z.object({ ...PageQuery });
export const ListPostsResponse = z.object({ posts: z.array(Post), pagination: Pagination });
export const PostResponse = z.object({ post: Post });
export const PatchPostRequest = z
  .object({
    title: z.string().trim().min(1).max(300).nullable().optional(),
    visibility: Visibility.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

export const TrashedPost = Post.extend({ deletedAt: IsoDate, purgeAt: IsoDate });

/** GET /api/v1/trash: the caller's trashed sessions and posts (one page of each), purged 30 days after deletion. */
export const ListTrashResponse = z.object({
  sessions: z.array(TrashedSession),
  posts: z.array(TrashedPost),
  pagination: z.object({ sessions: Pagination, posts: Pagination }),
});

export type Post = z.infer<typeof Post>;
export type TrashedPost = z.infer<typeof TrashedPost>;
export type ListTrashResponse = z.infer<typeof ListTrashResponse>;
export type PatchPostRequest = z.infer<typeof PatchPostRequest>;
