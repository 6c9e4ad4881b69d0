// resume_session: for "latest", a session id or a project — the handoff (or summary) to continue from and the command;
// with `fetch`, a session that is not on this machine is brought from the tracker first (src/resume, as `baton resume`).
import { z } from 'zod';
import { BatonError, isBatonError } from '../../src/core/errors.js';
import { encodeProjectDir, findTranscriptById, listTranscripts } from '../../src/core/transcript/index.js';
import {
  currentProject,
  findHandoff,
  listHandoffs,
  type FindContext,
  type FoundHandoff,
} from '../../src/handoff/index.js';
import { resumeCommand } from '../../src/handoff/format.js';
import { resumeRefusal, resumeSession, type ResumeResult } from '../../src/resume/index.js';
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
  fetch: z
    .boolean()
    .optional()
    .describe(
      "When the session's transcript is not on this machine: bring it from the tracker into Claude Code's project " +
        'dir for this checkout (as `baton resume <id>`), so the returned command works here. Never replaces a local ' +
        'transcript that has newer entries. Default false: only report.',
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
  onThisMachine: z
    .boolean()
    .describe("Whether the session's transcript is on this machine (claude --resume can reopen it here)."),
  directory: z.string().nullable().describe('The directory to run the resume command in, when known.'),
  fetched: z
    .object({
      projectDir: z.string(),
      files: z.array(
        z.object({
          subKey: z.string(),
          path: z.string(),
          lines: z.number(),
          action: z.enum(['written', 'replaced', 'unchanged']),
        }),
      ),
    })
    .nullable()
    .describe('The transcript files written by `fetch`, or null when nothing was fetched.'),
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
    'the user if they want to reopen that session itself. When the session is not on this machine, says so; with ' +
    'fetch: true it first brings the transcript from the tracker (so the command works here) and returns the ' +
    'directory to run it in.',
  input: inputSchema,
  output: outputSchema,
  // Not read-only: `fetch` writes the transcript files. Not destructive: it never replaces newer local entries.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
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
    let cwd = handoff?.document?.meta.cwd ?? digest?.cwd ?? null;
    const onThisMachine = (await findTranscriptById(sessionId, deps.config.claudeConfigDir)) !== null;
    const fetched = !onThisMachine && args.fetch ? await fetchHere(deps, sessionId) : null;
    if (fetched) {
      cwd = fetched.directory;
      command = fetched.command;
    }
    command ??= resumeCommand(sessionId, cwd);
    const projectName = handoff?.document?.meta.projects[0]?.name ?? digest?.project ?? project?.name ?? null;
    const lines = [
      `Resume session ${sessionId}${projectName ? ` (${projectName})` : ''}:`,
      `  ${command}`,
      '',
      ...whereLines(sessionId, onThisMachine, fetched),
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
      onThisMachine: onThisMachine || fetched !== null,
      directory: fetched?.directory ?? cwd,
      fetched: fetched
        ? {
            projectDir: fetched.projectDir,
            files: fetched.files.map((f) => ({
              subKey: f.subKey,
              path: f.path,
              lines: f.lines,
              action: f.action,
            })),
          }
        : null,
    };
  },
});

/** Brings the session's transcript from the tracker into this machine's project dir (src/resume). */
async function fetchHere(deps: ServerDeps, sessionId: string): Promise<ResumeResult> {
  const client = deps.client();
  if (!client)
    throw new BatonError('config', 'no tracker configured: the session cannot be fetched onto this machine');
  try {
    return await resumeSession(
      {
        sessions: client.sessions,
        claudeConfigDir: deps.config.claudeConfigDir,
        cwd: deps.cwd,
        env: deps.env,
        dataDir: deps.config.dataDir,
        ...(deps.config.trackerUrl ? { trackerUrl: deps.config.trackerUrl } : {}),
      },
      { sessionId },
    );
  } catch (err) {
    if (resumeRefusal(err) !== 'local_newer') throw err;
    // The model must not force it: the user decides whether local entries may be replaced.
    throw new BatonError(
      'conflict',
      `${(err as Error).message.replace(/, or pass --force.*$/, '')}. Only the user can decide to replace it: ` +
        `\`baton resume ${sessionId} --force\`.`,
      { details: (err as BatonError).details },
    );
  }
}

/** What the model should tell the user about where the transcript is. */
function whereLines(sessionId: string, onThisMachine: boolean, fetched: ResumeResult | null): string[] {
  if (fetched) {
    const files = fetched.files.map((f) => `${f.path} (${f.action})`).join(', ');
    return [`Fetched the transcript from the tracker into ${fetched.projectDir}: ${files}.`, ''];
  }
  if (onThisMachine) return [];
  return [
    `The transcript of ${sessionId} is not on this machine, so the command above would answer "No conversation ` +
      `found" here. Call resume_session again with fetch: true (or run \`baton resume ${sessionId}\`) to bring it ` +
      'from the tracker first.',
    '',
  ];
}

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
