// A transcript file's sub key: '' for the session's main file, else its path under the session's folder without
// `.jsonl` ('subagents/agent-<id>', as the Agent SDK's subpath). One rule for the contract (src/core/api), the sender,
// push/sync's reader and resume; no zod here, so the readers need not load it.

/** Plain names joined by '/': no segment starts with a dot, so a key written back to disk cannot climb out. */
export const SUB_KEY_PATTERN = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*)?$/;
export const SUB_KEY_MAX = 300;

/**
 * A subagent file's sub key from its path: from its `subagents` folder on (a fork's file inherited from the parent
 * gets the same key as in the parent), or null when the path has no such folder or the contract cannot carry the
 * name (the file's lines still make events; they are just not mirrored).
 */
export function subKeyOfSubagentPath(path: string): string | null {
  const parts = path.split(/[\\/]+/);
  const at = parts.lastIndexOf('subagents');
  if (at < 0 || at >= parts.length - 1) return null;
  const key = parts
    .slice(at)
    .join('/')
    .replace(/\.jsonl$/, '');
  return key.length <= SUB_KEY_MAX && SUB_KEY_PATTERN.test(key) ? key : null;
}
