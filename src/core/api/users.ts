// User management bodies (owner only): adding a user also issues that user's first API key.
import { z } from 'zod';
import { IsoDate } from './common.js';
import { ApiKeyInfo } from './keys.js';

export const UserRole = z.enum(['owner', 'member']);
export const UserInfo = z.object({ id: z.string(), name: z.string(), role: UserRole, createdAt: IsoDate });
export const CreateUserRequest = z
  .object({ name: z.string().trim().min(1).max(100), role: UserRole.optional() })
  .strict();
export const CreateUserResponse = z.object({ user: UserInfo, key: ApiKeyInfo, rawKey: z.string() });
export const ListUsersResponse = z.object({ users: z.array(UserInfo) });
export const MeResponse = z.object({ user: UserInfo, key: ApiKeyInfo });

export type UserRole = z.infer<typeof UserRole>;
export type UserInfo = z.infer<typeof UserInfo>;
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;
