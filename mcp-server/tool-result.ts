// Tool results: a text block the model reads plus structured content; errors as isError results it can act on.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isBatonError, type BatonErrorCode } from '../src/core/errors.js';

/**
 * Every output schema starts with `text`: Claude Code (2.1.330, observed) hands the model the structured content as
 * JSON instead of the text block whenever a tool returns one, so the readable result must be inside it too.
 */
export const TextField = {
  text: z.string().describe('The result as readable text: what to tell the user.'),
};

export function ok<T extends Record<string, unknown>>(text: string, structured: T): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: { text, ...structured } };
}

/** What the model can do about each kind of failure, appended to the message. */
const NEXT_STEP: Partial<Record<BatonErrorCode, string>> = {
  config:
    'Tell the user how to configure the tracker (`baton login <url>`); local tools (export_session) still work.',
  auth: 'Tell the user; do not retry with the same key.',
  network: 'The tracker is unreachable. Retry later; sessions are still saved locally.',
  timeout: 'The tracker did not answer in time. Retry once; if it fails again, tell the user.',
  rate_limited: 'Wait before calling again.',
  not_found: 'Check the id (list_sessions shows ids) or ask the user which session they mean.',
  invalid_input: 'Fix the arguments and call again.',
  invalid_request: 'Fix the arguments and call again.',
  conflict: 'Check the current state (e.g. get_live_status) before retrying.',
  already_exists: 'Pass force: true to overwrite, or choose another path.',
  gone: 'It has ended; start a new one if the user wants.',
};

export function fail(err: unknown): CallToolResult {
  const code = isBatonError(err) ? err.code : 'internal';
  const message = err instanceof Error ? err.message : String(err);
  const next = NEXT_STEP[code];
  return {
    content: [{ type: 'text', text: `Error (${code}): ${message}${next ? `\n${next}` : ''}` }],
    isError: true,
  };
}
