// Test helper for handoff tests: writes a realistic Claude Code transcript (record shapes of 2.1.330) and git repos.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { encodeProjectDir } from '../../src/core/transcript/index.js';

export interface FakeSessionSpec {
  sessionId: string;
  cwd: string;
  startedAt: string;
  prompts: string[];
  /** Absolute paths the session "created" with Write. */
  created?: string[];
  /** Absolute paths the session "edited" with Edit. */
  edited?: string[];
  gitBranch?: string;
}

/** Writes <configDir>/projects/<encoded cwd>/<id>.jsonl and returns its path. */
export function writeFakeTranscript(configDir: string, spec: FakeSessionSpec): string {
  const dir = join(configDir, 'projects', encodeProjectDir(spec.cwd));
  mkdirSync(dir, { recursive: true });
  const base = {
    isSidechain: false,
    userType: 'external',
    entrypoint: 'sdk-cli',
    cwd: spec.cwd,
    sessionId: spec.sessionId,
    version: '2.1.330',
    gitBranch: spec.gitBranch ?? 'main',
  };
  const t0 = Date.parse(spec.startedAt);
  let n = 0;
  let parent: string | null = null;
  const lines: string[] = [];
  const ts = () => new Date(t0 + n * 60_000).toISOString();
  const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const push = (rec: Record<string, unknown>) => {
    const id = uuid();
    lines.push(JSON.stringify({ parentUuid: parent, ...rec, uuid: id, timestamp: ts(), ...base }));
    parent = id;
  };
  const usage = {
    input_tokens: 100,
    output_tokens: 20,
    cache_read_input_tokens: 1000,
    cache_creation_input_tokens: 50,
  };
  let msg = 0;
  const assistant = (content: unknown[]) => {
    msg++;
    push({
      type: 'assistant',
      requestId: `req_${msg}`,
      message: {
        id: `msg_${msg}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-opus-5-5',
        content,
        stop_reason: 'end_turn',
        usage,
      },
    });
  };
  const toolRound = (name: string, input: Record<string, unknown>, result: string) => {
    const id = `toolu_${msg + 1}`;
    assistant([{ type: 'tool_use', id, name, input }]);
    push({
      type: 'user',
      message: { role: 'user', content: [{ tool_use_id: id, type: 'tool_result', content: result }] },
    });
  };
  spec.prompts.forEach((prompt, i) => {
    // A typed slash command is recorded the way Claude Code records it.
    const cmd = /^(\/\S+)\s*(.*)$/.exec(prompt);
    const content = cmd
      ? `<command-message>${cmd[1]!.slice(1)}</command-message>\n<command-name>${cmd[1]}</command-name>\n<command-args>${cmd[2]}</command-args>`
      : prompt;
    push({ type: 'user', message: { role: 'user', content } });
    if (i === 0) {
      for (const f of spec.created ?? [])
        toolRound('Write', { file_path: f, content: 'x\n' }, `File created successfully at: ${f}`);
      for (const f of spec.edited ?? []) {
        toolRound(
          'Edit',
          { file_path: f, old_string: 'a', new_string: 'b' },
          `The file ${f} has been updated successfully.`,
        );
      }
    }
    assistant([{ type: 'text', text: `Done with: ${prompt}` }]);
  });
  const path = join(dir, `${spec.sessionId}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Env for git in tests: no user or system config, fixed identity. */
export function gitEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // `git status` must not refresh the index: tests compare the repo byte for byte.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
  };
}

export async function git(cwd: string, home: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: gitEnv(home) });
  return r.stdout;
}
