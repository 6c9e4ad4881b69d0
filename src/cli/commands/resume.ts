// `baton resume`: fetches a session's transcript from the tracker into this machine's Claude Code project dir (cwd
// mapped onto this checkout), then prints or runs `claude --resume <id>` there. Logic: src/resume.
import { spawn } from 'node:child_process';
import { BatonError } from '../../core/errors.js';
import { formatCount } from '../../core/format/count.js';
import {
  latestSessionId,
  localCheckout,
  resumeRefusal,
  resumeSession,
  type ResumeResult,
  type WrittenFile,
} from '../../resume/index.js';
import { defineCommand, printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { paint } from '../style.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton resume <session-id | --latest> [--cwd DIR] [--force] [--run] [--json]

Brings a session from the tracker onto this machine so that \`claude --resume <id>\` finds it: writes its transcript
(and its subagent files) into Claude Code's project dir for this machine's checkout ($CLAUDE_CONFIG_DIR or ~/.claude),
then prints the command, or runs it with --run.

Where it lands: --cwd DIR; else this directory's git checkout when its remote is the session's repository (the
session's subdirectory maps onto the same one here); else the session's own directory when it exists here. The cwd
of every record is rewritten to match; nothing else is changed.

Options:
  --latest       the latest session of this project (same git remote, else same project name)
  --cwd DIR      resume in DIR, whatever directory the session ran in
  --force        replace a local transcript even when it has entries the tracker's copy lacks
  --run          run \`claude --resume <id>\` in that directory (stdin/stdout passed through)
  --json         print the result as JSON: directory, projectDir, files written, command
  -h, --help     show this help

Exit codes: 0 done, 1 failed, 2 bad input, 3 refused: the local transcript is newer than the tracker's (see --force).
`;

/** Exit code of a refusal to replace newer local work: a script can tell it from a failure. */
export const EXIT_LOCAL_NEWER = 3;

const ACTION_WORDS: Record<WrittenFile['action'], string> = {
  written: 'written',
  replaced: 'replaced (older here)',
  unchanged: 'already here, left as it is',
};

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function describe(ctx: CliContext, r: ResumeResult): string {
  const p = paint(ctx.io);
  const lines = [p.bold(r.title ?? r.sessionId), `${r.project ?? 'no project'} · session ${r.sessionId}`];
  if (r.cwdMapping) lines.push(`Working directory mapped: ${r.cwdMapping.from} → ${r.cwdMapping.to}`);
  lines.push(`Transcript in ${r.projectDir}:`);
  for (const f of r.files) {
    const name = f.subKey === '' ? `${r.sessionId}.jsonl` : `${r.sessionId}/${f.subKey}.jsonl`;
    lines.push(
      `  ${name}: ${formatCount(f.lines, 'grouped')} lines, ${formatBytes(f.bytes)}, ${ACTION_WORDS[f.action]}`,
    );
  }
  if (r.files.every((f) => f.action === 'unchanged'))
    lines.push('The transcript here already holds everything the tracker has: nothing changed.');
  lines.push('', `Resume with:  ${p.cyan(r.command)}`);
  return `${lines.join('\n')}\n`;
}

/** `claude --resume <id>` in `dir`, with this terminal; its exit code is ours. */
function runClaude(sessionId: string, dir: string, env: CliContext['io']['env']): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('claude', ['--resume', sessionId], { cwd: dir, stdio: 'inherit', env: { ...env } });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BatonError(
              'not_found',
              'claude is not on PATH: install Claude Code, or run the command above',
            )
          : err,
      ),
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const resumeCommand = defineCommand({
  name: 'resume',
  summary: "fetch a session's transcript from the tracker and resume it here (claude --resume)",
  help: HELP,
  options: {
    latest: { type: 'boolean' },
    cwd: { type: 'string' },
    force: { type: 'boolean' },
    run: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  positionals: { max: 1, tooMany: 'resume takes at most one session id' },
  async run({ values, positionals }, ctx) {
    const id = positionals[0];
    if (id && values.latest) throw new BatonError('invalid_input', 'give a session id or --latest, not both');
    if (!id && !values.latest) throw new BatonError('invalid_input', 'give a session id, or --latest');
    if (values.run && values.json) throw new BatonError('invalid_input', 'give --run or --json, not both');
    let result: ResumeResult;
    try {
      result = await withClient(ctx, async (c) => {
        const deps = {
          sessions: c.sessions,
          claudeConfigDir: ctx.claudeConfigDir,
          cwd: ctx.io.cwd,
          env: ctx.io.env,
          dataDir: ctx.config.dataDir,
          ...(ctx.config.trackerUrl ? { trackerUrl: ctx.config.trackerUrl } : {}),
        };
        const sessionId =
          id ??
          (await latestSessionId(c.sessions, {
            cwd: ctx.io.cwd,
            checkout: await localCheckout(ctx.io.cwd, ctx.io.env),
          }));
        return resumeSession(deps, {
          sessionId,
          ...(values.cwd !== undefined ? { cwd: values.cwd } : {}),
          force: values.force === true,
        });
      });
    } catch (err) {
      if (resumeRefusal(err) !== 'local_newer') throw err;
      if (values.json) {
        const e = err as BatonError;
        return printJson(
          ctx,
          { error: { code: e.code, kind: 'local_newer', message: e.message, details: e.details } },
          {
            code: EXIT_LOCAL_NEWER,
          },
        );
      }
      ctx.io.err(`baton resume: ${(err as Error).message}\n`);
      return EXIT_LOCAL_NEWER;
    }
    if (values.json) return printJson(ctx, result);
    ctx.io.out(describe(ctx, result));
    if (!values.run) return 0;
    ctx.io.out(`\nRunning claude --resume ${result.sessionId} in ${result.directory}\n`);
    return runClaude(result.sessionId, result.directory, ctx.io.env);
  },
});
