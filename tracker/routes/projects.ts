// /api/v1/projects: per-project stats and the "resume the latest session" pointer.
import { ListProjectsResponse, ProjectResponse, ResumeResponse } from '../../src/core/api/index.js';
import { getProject, listProjects, resumeProject } from '../services/projects.js';
import { apiRoute } from './route-deps.js';

const key = { auth: 'apiKey', rateLimit: 'perKey', tag: 'projects' } as const;

export const PROJECT_ROUTES = [
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/projects',
    summary: 'Projects with per-project stats',
    responses: { 200: { schema: ListProjectsResponse } },
    handler: async ({ c, deps }) => c.json({ projects: await listProjects(deps, c.get('caller')) }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/projects/{id}',
    summary: 'One project by id, slug or name',
    responses: { 200: { schema: ProjectResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) =>
      c.json({ project: await getProject(deps, c.get('caller'), params.id) }),
  }),
  apiRoute({
    ...key,
    method: 'get',
    path: '/api/v1/projects/{id}/resume',
    summary: "The project's latest session and the command that resumes it",
    responses: { 200: { schema: ResumeResponse } },
    errors: [404],
    handler: async ({ c, deps, params }) => c.json(await resumeProject(deps, c.get('caller'), params.id)),
  }),
];
