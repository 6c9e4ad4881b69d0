// One rule for "is this the same repository": git remotes compared by host and path, whatever the URL form.

/**
 * `git@github.com:o/r.git`, `ssh://git@github.com:22/o/r`, `https://user@github.com/o/r/` and `github.com/o/r` all
 * name the same repository: compared as `host/path`, lower-cased (the big hosts ignore case), without scheme, user,
 * port, a trailing `.git` or slash. A local path stays a path.
 */
export function normalizeRemote(url: string): string {
  let s = url.trim();
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(s);
  if (scp && !/^[a-z]:\\/i.test(s)) s = `${scp[1]}/${scp[2]}`;
  else s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]*@/, '');
  s = s.replace(/^([^/:]+):\d+\//, '$1/');
  return s
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function sameRemote(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return normalizeRemote(a) === normalizeRemote(b);
}
