// Writes synthetic Claude Code transcript records (prompt, text, tool_use, tool_result) to a file, a turn at a time.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TranscriptWriter {
  path: string;
  sessionId: string;
  /** Appends one turn: 4 events (prompt, text, tool_call, tool_result). Returns the 4 event uuids. */
  turn(text?: string): string[];
  /** Number of events written so far. */
  events: number;
}

export function createTranscriptWriter(path: string, sessionId: string, cwd: string): TranscriptWriter {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  let n = 0;
  let t = Date.parse('2026-11-01T09:00:00Z');
  let parent: string | null = null;
  const base = {
    isSidechain: false,
    userType: 'external',
    cwd,
    sessionId,
    version: '2.1.330',
    gitBranch: 'main',
  };
  const w: TranscriptWriter = {
    path,
    sessionId,
    events: 0,
    turn(text = `prompt ${n}`) {
      const i = n++;
      const u = [`${sessionId}-u${i}`, `${sessionId}-a${i}`, `${sessionId}-t${i}`, `${sessionId}-r${i}`];
      const ts = () => new Date((t += 500)).toISOString();
      const usage = {
        input_tokens: 100,
        output_tokens: 20,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      };
      const recs = [
        { type: 'user', message: { role: 'user', content: text }, uuid: u[0] },
        {
          type: 'assistant',
          requestId: `req${i}`,
          message: {
            id: `msg${i}`,
            role: 'assistant',
            model: 'claude-sonnet-4-5',
            content: [{ type: 'text', text: `answer ${i}` }],
            usage,
          },
          uuid: u[1],
        },
        {
          type: 'assistant',
          requestId: `req${i}`,
          message: {
            id: `msg${i}`,
            role: 'assistant',
            model: 'claude-sonnet-4-5',
            content: [
              {
                type: 'tool_use',
                id: `tu${i}`,
                name: 'Edit',
                input: { file_path: `/src/f${i % 7}.ts`, old_string: 'a', new_string: 'b' },
              },
            ],
            usage,
          },
          uuid: u[2],
        },
        {
          type: 'user',
          message: {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: `tu${i}`, content: `ok ${i}` }],
          },
          uuid: u[3],
        },
      ];
      let lines = '';
      for (const r of recs) {
        lines += `${JSON.stringify({ parentUuid: parent, ...base, ...r, timestamp: ts() })}\n`;
        parent = r.uuid!;
      }
      appendFileSync(path, lines);
      w.events += 4;
      return u as string[];
    },
  };
  return w;
}
