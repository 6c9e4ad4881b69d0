// Project bodies and the stable project key both sides derive from a session's cwd or project name.
import { z } from 'zod';
import { TokenTotals } from '../model/session.js';
import { IsoDate, PointerSource } from './common.js';

/**
 * The project slug for a session: its project name, else the last segment of its cwd, lower-cased to
 * `[a-z0-9-]` (max 64 chars). The plugin computes the same slug to ask `/projects/<slug>/resume`.
 * Returns null when neither is known.
 */
export function projectSlug(input: { project?: string | null; cwd?: string | null }): string | null {
  const name = projectName(input);
  if (!name) return null;
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
  return slug || 'project';
}

/** The human project name: the explicit project, else the cwd's last path segment. */
export function projectName(input: { project?: string | null; cwd?: string | null }): string | null {
  const explicit = input.project?.trim();
  if (explicit) return explicit.slice(0, 200);
  const cwd = input.cwd?.trim();
  if (!cwd) return null;
  const parts = cwd.split(/[\\/]+/).filter(Boolean);
  const last = parts[parts.length - 1];
  return last ? last.slice(0, 200) : null;
}

export const LastSession = z.object({
  sessionId: z.string(),
  updatedAt: IsoDate,
  source: PointerSource,
  title: z.string().nullable(),
});

export const ProjectSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  cwd: z.string().nullable(),
  lastSession: LastSession.nullable(),
  stats: z.object({
    sessions: z.number().int().nonnegative(),
    totalDurationMs: z.number().int().nonnegative(),
    avgDurationMs: z.number().int().nonnegative(),
    lastSessionAt: IsoDate.nullable(),
    /**
     * Sums of each session's own part (a fork's inherited history left out, so parent + fork never double counts;
     * durations likewise). Optional: older trackers do not send them.
     */
    tokens: TokenTotals.optional(),
    costUsd: z.number().nonnegative().nullable().optional(),
  }),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const ListProjectsResponse = z.object({ projects: z.array(ProjectSummary) });
export const ProjectResponse = z.object({ project: ProjectSummary });

export const ResumeResponse = z.object({
  projectId: z.string(),
  sessionId: z.string(),
  updatedAt: IsoDate,
  source: PointerSource,
  resumeCommand: z.string(),
});

export type LastSession = z.infer<typeof LastSession>;
export type ProjectSummary = z.infer<typeof ProjectSummary>;
export type ListProjectsResponse = z.infer<typeof ListProjectsResponse>;
export type ResumeResponse = z.infer<typeof ResumeResponse>;
