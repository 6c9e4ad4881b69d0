// `baton handoff create|list|show`: the non-interactive handoff behind /end and /start (thin over src/handoff).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BatonError, isBatonError } from '../../core/errors.js';
import {
  createHandoff,
  currentProject,
  findHandoff,
  listHandoffs,
  resumeOffer,
  type FindContext,
  type HandoffRunResult,
  type TrackerTarget,
} from '../../handoff/index.js';
import { parseFlags } from '../args.js';
import { printJson, type CliCommand } from '../command.js';
import type { CliContext } from '../invocation.js';

const VERSION = process.env.BATON_BUILD_VERSION ?? 'dev';

export const HANDOFF_HELP = `Usage:
  baton handoff create [--topic T] [--preset NAME] [--narrative FILE|-] [--session ID] [--dry-run]
                       [--in-repo | --repo-dir DIR] [--routine FILE] [--local-only] [--json]
  baton handoff list   [--project P | --all] [--limit N] [--local-only] [--json]
  baton handoff show   <context-id|tracker-id|latest> [--project P] [--allow-missing] [--local-only] [--json]

create   Runs the handoff routine (routines/handoff.json): git and session facts always; the narrative
         sections (Session summary, Accomplished, Key decisions, Next steps) from --narrative Markdown,
         split by heading; sections not given are marked "not written". Stores the document in the data
         dir, syncs it to the tracker when one is configured, and prints where it went and how to resume.
  --topic T          names the handoff (context id <topic>-YYYY-MM-DD-HHMMSS); default: the project name
  --preset NAME      applies routines/presets/NAME.json (or a preset file), e.g. claude-ai-transfer
  --narrative F|-    Markdown narrative from a file, or from stdin with -
  --session ID       the Claude Code session (default: $CLAUDE_CODE_SESSION_ID, else the newest for this dir)
  --dry-run          gathers and renders everything, prints it, writes and sends nothing
  --in-repo          also writes the document to docs/handoff/ in the repository (--repo-dir DIR: elsewhere)
  --routine FILE     runs another routine file
  --local-only       does not talk to the tracker
  --cwd DIR          the project directory (default: the current directory); also for list and show

list     Recent handoffs of the current project (local, plus the tracker's unless --local-only).
show     Prints a handoff document; "latest" is the newest for the current project, here or on the tracker.
  --allow-missing    exits 0 with a note when there is none (for /baton:start)
`;

type Ctx = Pick<CliContext, 'io' | 'config' | 'claudeConfigDir'>;

/** `--cwd DIR` (commands pass ${CLAUDE_PROJECT_DIR}); an empty value, as an unset placeholder gives, means the cwd. */
function withCwd(ctx: Ctx, cwd: string | undefined): Ctx {
  if (cwd === undefined || cwd.trim() === '') return ctx;
  return { ...ctx, io: { ...ctx.io, cwd: resolve(ctx.io.cwd, cwd) } };
}

function trackerOf(ctx: Ctx, localOnly: boolean): TrackerTarget | null {
  const { trackerUrl, apiKey, allowInsecure } = ctx.config;
  return !localOnly && trackerUrl && apiKey ? { url: trackerUrl, apiKey, allowInsecure } : null;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

async function readNarrative(ref: string | undefined, ctx: Ctx): Promise<string | null> {
  if (ref === undefined) return null;
  if (ref === '-') return readStdin(ctx.io.stdin);
  const path = resolve(ctx.io.cwd, ref);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new BatonError(
      'not_found',
      `--narrative: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

function createJson(r: HandoffRunResult & { presetName: string | null }, dryRun: boolean): unknown {
  const s = r.state;
  return {
    contextId: s.contextId,
    dryRun,
    preset: r.presetName,
    sessionId: s.sessionId,
    template: s.template,
    outputs: s.outputs,
    narrativeMissing: s.narrativeMissing,
    warnings: s.warnings,
    plan: s.plan,
    steps: r.steps,
    text: s.text,
  };
}

async function runCreate(argv: string[], outer: Ctx): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      topic: { type: 'string' },
      preset: { type: 'string' },
      narrative: { type: 'string' },
      session: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'in-repo': { type: 'boolean' },
      'repo-dir': { type: 'string' },
      routine: { type: 'string' },
      'local-only': { type: 'boolean' },
      json: { type: 'boolean' },
      cwd: { type: 'string' },
    },
    'handoff create',
  );
  if (positionals.length > 0)
    throw new BatonError('invalid_input', `handoff create: unexpected argument "${positionals[0]}"`);
  const ctx = withCwd(outer, values.cwd);
  const json = values.json === true;
  const dryRun = values['dry-run'] === true;
  const repoDir = values['repo-dir'] ?? (values['in-repo'] ? 'docs/handoff' : undefined);
  const result = await createHandoff({
    cwd: ctx.io.cwd,
    env: ctx.io.env,
    dataDir: ctx.config.dataDir,
    claudeConfigDir: ctx.claudeConfigDir,
    tracker: trackerOf(ctx, values['local-only'] === true),
    redact: ctx.config.redact !== false,
    topic: values.topic,
    preset: values.preset,
    routineFile: values.routine,
    narrative: await readNarrative(values.narrative, ctx),
    sessionId: values.session,
    repoDir,
    dryRun,
    batonVersion: VERSION,
    // --json owns stdout: the human report is dropped, the rendered text is in the JSON.
    out: json ? () => undefined : (t) => ctx.io.out(t),
  });
  for (const w of result.state.warnings) ctx.io.err(`baton handoff: note: ${w}\n`);
  return json ? printJson(ctx, createJson(result, dryRun)) : 0;
}

function findContext(ctx: Ctx, localOnly: boolean): FindContext {
  return {
    dataDir: ctx.config.dataDir,
    tracker: trackerOf(ctx, localOnly),
    cwd: ctx.io.cwd,
    warn: (m) => ctx.io.err(`baton handoff: note: ${m}\n`),
  };
}

async function projectFilter(ctx: Ctx, project: string | undefined, all: boolean) {
  if (all) return null;
  if (project !== undefined) return { name: project, path: null, remote: null };
  return currentProject(ctx.io.cwd, ctx.io.env);
}

async function runList(argv: string[], outer: Ctx): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      project: { type: 'string' },
      all: { type: 'boolean' },
      limit: { type: 'string' },
      'local-only': { type: 'boolean' },
      json: { type: 'boolean' },
      cwd: { type: 'string' },
    },
    'handoff list',
  );
  const ctx = withCwd(outer, values.cwd);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new BatonError('invalid_input', '--limit must be 1..100');
  const localOnly = values['local-only'] === true;
  const project = await projectFilter(ctx, values.project, values.all === true);
  const rows = await listHandoffs(findContext(ctx, localOnly), { project, limit, remote: !localOnly });
  if (values.json) return printJson(ctx, { project: project?.name ?? null, handoffs: rows });
  const scope = project ? `project ${project.name}` : 'all projects';
  if (rows.length === 0) {
    ctx.io.out(
      `No handoffs for ${scope}${trackerOf(ctx, localOnly) ? ' (local store and tracker)' : ' (local store; no tracker configured)'}.\n`,
    );
    return 0;
  }
  const lines = rows.map((r) => {
    const id = r.contextId ?? `tracker:${r.trackerId}`;
    const date = r.createdAt.replace('T', ' ').slice(0, 16);
    return `${id}  ${date}  ${r.project}${r.branch ? ` (${r.branch})` : ''}  session ${r.sessionId ?? '-'}  [${r.origin}]${r.topic ? `  ${r.topic}` : ''}`;
  });
  ctx.io.out(
    `Recent handoffs for ${scope}, newest first:\n${lines.map((l) => `  ${l}`).join('\n')}\n\nShow one: baton handoff show <context-id>\n`,
  );
  return 0;
}

async function runShow(argv: string[], outer: Ctx): Promise<number> {
  const { values, positionals } = parseFlags(
    argv,
    {
      project: { type: 'string' },
      'allow-missing': { type: 'boolean' },
      'local-only': { type: 'boolean' },
      json: { type: 'boolean' },
      cwd: { type: 'string' },
    },
    'handoff show',
  );
  const ctx = withCwd(outer, values.cwd);
  const ref = positionals[0] ?? 'latest';
  if (positionals.length > 1)
    throw new BatonError('invalid_input', `handoff show: unexpected argument "${positionals[1]}"`);
  const project = await projectFilter(ctx, values.project, false);
  try {
    const found = await findHandoff(findContext(ctx, values['local-only'] === true), ref, project);
    const offer = await resumeOffer(
      found.document?.meta.sessionId,
      ctx.claudeConfigDir,
      trackerOf(ctx, false) !== null,
    );
    if (values.json) {
      printJson(ctx, { ...found, document: found.document, resumeOffer: offer });
    } else {
      ctx.io.err(
        `baton handoff: ${found.contextId ?? found.trackerId} from ${found.origin === 'local' ? 'the local store' : 'the tracker'}${found.file ? ` (${found.file})` : ''}\n`,
      );
      ctx.io.out(found.text.endsWith('\n') ? found.text : `${found.text}\n`);
      if (offer) ctx.io.out(`\n> ${offer}\n`);
    }
    return 0;
  } catch (err) {
    if (values['allow-missing'] && isBatonError(err) && err.code === 'not_found') {
      ctx.io.out(
        values.json
          ? `${JSON.stringify({ found: false, message: err.message })}\n`
          : `No handoff found: ${err.message}.\n`,
      );
      return 0;
    }
    throw err;
  }
}

/** Entry for `baton handoff …`. Errors become one line on stderr and a non-zero exit code. */
export async function runHandoffCommand(argv: string[], ctx: Ctx): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    switch (sub) {
      case 'create':
        return await runCreate(rest, ctx);
      case 'list':
        return await runList(rest, ctx);
      case 'show':
        return await runShow(rest, ctx);
      case undefined:
      case 'help':
        ctx.io.out(HANDOFF_HELP);
        return sub === undefined ? 2 : 0;
      default:
        throw new BatonError('invalid_input', `unknown subcommand "${sub}" (create, list, show)`);
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ctx.io.err(`baton handoff${sub ? ` ${sub}` : ''}: ${message}\n`);
    return isBatonError(err) && err.code === 'invalid_input' ? 2 : 1;
  }
}

export const handoffCommand: CliCommand = {
  name: 'handoff',
  summary: 'Hand a session off: create, list and show handoff documents (/end, /start)',
  help: HANDOFF_HELP,
  run: (argv, ctx) => runHandoffCommand(argv, ctx),
};
