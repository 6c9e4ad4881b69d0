// resume_session: for "latest", a session id or a project — the handoff (or summary) to continue from and the command.
import { z } from 'zod';
import { BatonError, isBatonError } from '../../src/core/errors.js';
import { encodeProjectDir, listTranscripts } from '../../src/core/transcript/index.js';
import {
  currentProject,
  findHandoff,
  listHandoffs,
  type FindContext,
  type FoundHandoff,
} from '../../src/handoff/index.js';
import { resumeCommand } from '../../src/handoff/format.js';
import type { ProjectKey } from '../../src/core/handoff/local-index.js';
import type { ServerDeps } from '../server-deps.js';
import { resolveSession } from '../current-session.js';
import { clip } from '../format.js';
import { defineTool } from '../define-tool.js';
import { sessionDigest } from '../session-lookup.js';
import { renderDigest } from '../session-digest.js';

const inputSchema = {
  target: z
    .string()
    .max(200)
    .optional()
    .describe(
      '"latest" (default: the latest session of this project), a session id, or a project name on the tracker.',
    ),
};

const outputSchema = {
  sessionId: z.string(),
  project: z.string().nullable(),
  resumeCommand: z.string(),
  handoff: z
    .object({ title: z.string().nullable(), createdAt: z.string(), origin: z.string(), text: z.string() })
    .nullable(),
  summary: z.string().nullable(),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_HANDOFF_CHARS = 12_000;

export const resumeSessionTool = defineTool({
  name: 'resume_session',
  title: 'Resume a session',
  description:
    'Finds where to continue work: for "latest" (this project\'s most recent session), a session id, or a project ' +
    'name, returns the handoff document written at the end of that session (or, without one, a summary of its last ' +
    'turns) and the exact `claude --resume <id>` command. Read the text to pick up the work; give the command to ' +
    'the user if they want to reopen that session itself.',
  input: inputSchema,
  output: outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async run(args, deps) {
    const target = args.target?.trim() || 'latest';
    const client = deps.client();
    const here = await currentProject(deps.cwd, deps.env);
    const find: FindContext = {
      dataDir: deps.config.dataDir,
      tracker:
        client && deps.config.trackerUrl && deps.config.apiKey
          ? { url: deps.config.trackerUrl, apiKey: deps.config.apiKey }
          : null,
      cwd: deps.cwd,
      warn: deps.log,
    };
    let sessionId: string | null = null;
    let command: string | null = null;
    let project: ProjectKey | null = null;
    if (target === 'latest' || !UUID.test(target)) {
      project = target === 'latest' ? here : { name: target };
      const current = target === 'latest' ? await resolveSession(deps).catch(() => null) : null;
      if (client && deps.config.apiKey) {
        try {
          const r = await client.projects.resume(target === 'latest' ? here.name : target);
          // Auto-sync may already have made the asking session the project's latest: that one is not "earlier".
          if (r.sessionId !== current?.sessionId) {
            sessionId = r.sessionId;
            command = r.resumeCommand;
          }
        } catch (err) {
          if (
            !isBatonError(err) ||
            (err.code !== 'not_found' && err.code !== 'network' && err.code !== 'timeout')
          )
            throw err;
          deps.log(`tracker resume lookup failed: ${err.message}`);
        }
      }
      if (!sessionId && target === 'latest') sessionId = await newestLocalSession(deps);
    } else {
      sessionId = target;
    }
    const handoff = await findHandoffFor(find, sessionId, project);
    sessionId ??= handoff?.document?.meta.sessionId ?? null;
    if (!sessionId) {
      throw new BatonError(
        'not_found',
        `no session found for "${target}" (locally${find.tracker ? ' or on the tracker' : ''})`,
      );
    }
    const digest = handoff ? null : await sessionDigest(deps, sessionId, 3).catch(() => null);
    const cwd = handoff?.document?.meta.cwd ?? digest?.cwd ?? null;
    command ??= resumeCommand(sessionId, cwd);
    const projectName = handoff?.document?.meta.projects[0]?.name ?? digest?.project ?? project?.name ?? null;
    const lines = [
      `Resume session ${sessionId}${projectName ? ` (${projectName})` : ''}:`,
      `  ${command}`,
      '',
    ];
    let handoffOut: z.infer<typeof outputSchema.handoff> = null;
    if (handoff) {
      const text =
        handoff.text.length > MAX_HANDOFF_CHARS
          ? `${handoff.text.slice(0, MAX_HANDOFF_CHARS)}\n… [handoff cut at ${MAX_HANDOFF_CHARS} characters]`
          : handoff.text;
      handoffOut = {
        title: handoff.document?.title ?? null,
        createdAt: handoff.createdAt,
        origin: handoff.origin,
        text,
      };
      lines.push(
        `Handoff${handoffOut.title ? ` "${clip(handoffOut.title, 100)}"` : ''} (${handoff.createdAt}, ${handoff.origin}) — continue from this:`,
        '',
        text,
      );
    } else if (digest) {
      lines.push(
        'No handoff document was written for it. Summary of where it stopped:',
        '',
        renderDigest(digest),
      );
    } else {
      lines.push(
        'No handoff document and no readable copy of the session were found; only the resume command is available.',
      );
    }
    return {
      text: lines.join('\n'),
      sessionId,
      project: projectName,
      resumeCommand: command,
      handoff: handoffOut,
      summary: digest ? renderDigest(digest) : null,
    };
  },
});

/** The newest transcript of this project directory other than the session asking. */
async function newestLocalSession(deps: ServerDeps): Promise<string | null> {
  const current = await resolveSession(deps).catch(() => null);
  const dir = encodeProjectDir(deps.cwd);
  const mine = (await listTranscripts(deps.config.claudeConfigDir)).filter(
    (t) => t.projectDir === dir && t.sessionId !== current?.sessionId,
  );
  return mine[0]?.sessionId ?? null;
}

/** The handoff written for `sessionId` (or the project's latest when no session is known yet). */
async function findHandoffFor(
  ctx: FindContext,
  sessionId: string | null,
  project: ProjectKey | null,
): Promise<FoundHandoff | null> {
  try {
    if (!sessionId) return await findHandoff(ctx, 'latest', project);
    const listed = await listHandoffs(ctx, { project: null, limit: 100, remote: ctx.tracker !== null });
    const match = listed.find((h) => h.sessionId === sessionId);
    const ref = match?.contextId ?? match?.trackerId;
    return ref ? await findHandoff(ctx, ref, project) : null;
  } catch (err) {
    if (isBatonError(err) && err.code === 'not_found') return null;
    throw err;
  }
}
