// Turns message content (strings, content blocks, Claude Code's tagged user text) into plain strings.
import { isObj } from './guards.js';

/** What a piece of user-typed text turned out to be. */
export type UserText =
  | { kind: 'prompt'; text: string; command?: { name: string; args: string } }
  | { kind: 'system'; subtype: string; text: string };

function between(text: string, open: string, close: string): string | undefined {
  const a = text.indexOf(open);
  if (a === -1) return undefined;
  const start = a + open.length;
  const b = text.indexOf(close, start);
  return b === -1 ? undefined : text.slice(start, b);
}

/**
 * Classifies user text. Claude Code wraps a typed slash command as `<command-name>/x</command-name>` +
 * `<command-args>…</command-args>`, local command output as `<local-command-stdout>`, `!` shell mode as
 * `<bash-input>` / `<bash-stdout>`, and marks interruptions with "[Request interrupted by user…]".
 * Only the first characters are inspected, so a huge pasted prompt costs nothing extra.
 */
export function classifyUserText(text: string): UserText {
  if (text.charCodeAt(0) === 0x3c /* < */) {
    if (text.startsWith('<command-')) {
      const name = between(text, '<command-name>', '</command-name>');
      if (name !== undefined) {
        const args = (between(text, '<command-args>', '</command-args>') ?? '').trim();
        const cmd = name.trim();
        return { kind: 'prompt', text: args ? `${cmd} ${args}` : cmd, command: { name: cmd, args } };
      }
    }
    if (text.startsWith('<local-command-stdout>') || text.startsWith('<local-command-stderr>')) {
      return { kind: 'system', subtype: 'local_command', text: stripTags(text) };
    }
    if (text.startsWith('<bash-input>')) {
      return { kind: 'prompt', text: `!${between(text, '<bash-input>', '</bash-input>') ?? ''}` };
    }
    if (text.startsWith('<bash-stdout>') || text.startsWith('<bash-stderr>')) {
      return { kind: 'system', subtype: 'bash_output', text: stripTags(text) };
    }
    if (text.startsWith(TASK_NOTIFICATION)) {
      return { kind: 'system', subtype: 'task_notification', text: taskNotificationText(text) };
    }
  } else if (text.startsWith('[Request interrupted by user')) {
    return { kind: 'system', subtype: 'interrupted', text };
  }
  return { kind: 'prompt', text };
}

const TASK_NOTIFICATION = '<task-notification>';

/**
 * A background task's completion notice (`<task-notification><task-id>…<status>…<summary>…</task-notification>`),
 * sent by Claude Code, not typed: its summary line, else the text without the tags.
 */
export function taskNotificationText(text: string): string {
  const summary = between(text, '<summary>', '</summary>')?.trim();
  if (summary) return summary;
  return text
    .replace(/<\/?[a-z][a-z-]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripTags(text: string): string {
  return text
    .replace(/<\/?(?:local-command-stdout|local-command-stderr|bash-stdout|bash-stderr)>/g, '')
    .trim();
}

/** A tool_result's `content`: a string, or blocks (text joined by newlines, images as "[image]"). */
export function flattenToolResultContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content))
    return content === undefined || content === null ? '' : JSON.stringify(content);
  const parts: string[] = [];
  for (const block of content) {
    if (typeof block === 'string') parts.push(block);
    else if (isObj(block)) {
      if (block.type === 'text' && typeof block.text === 'string') parts.push(block.text);
      else if (block.type === 'image') parts.push('[image]');
      else parts.push(`[${typeof block.type === 'string' ? block.type : 'content'}]`);
    }
  }
  return parts.join('\n');
}

/** First line of a prompt, at most `max` characters (an ellipsis marks a cut). */
export function titleFromPrompt(text: string, max = 80): string | undefined {
  const trimmed = text.trim();
  const nl = trimmed.indexOf('\n');
  const line = (nl === -1 ? trimmed : trimmed.slice(0, nl)).trim();
  if (line === '') return undefined;
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
