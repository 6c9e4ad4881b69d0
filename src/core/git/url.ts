// Remote URLs as they may be written down: a URL with a user or token in it never lands in a document or a request.

/** `https://user:token@host/x` → `https://host/x`. scp-style `git@host:x` names no secret and is kept as it is. */
export function stripCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
