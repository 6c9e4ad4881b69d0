// /api/v1/projects: per-project stats and the "resume the latest session" pointer.
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { getProject, listProjects, resumeProject } from '../services/projects.js';
import type { RouteContext } from './context.js';

export function registerProjectRoutes(app: Hono<AppEnv>, { deps, auth }: RouteContext): void {
  app.get('/api/v1/projects', auth, async (c) =>
    c.json({ projects: await listProjects(deps, c.get('caller')) }),
  );
  app.get('/api/v1/projects/:id', auth, async (c) =>
    c.json({ project: await getProject(deps, c.get('caller'), c.req.param('id')) }),
  );
  app.get('/api/v1/projects/:id/resume', auth, async (c) =>
    c.json(await resumeProject(deps, c.get('caller'), c.req.param('id'))),
  );
}
