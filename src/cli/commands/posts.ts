// `baton posts`: list, rename, share or delete your posts on the tracker (a post groups sessions under one link).
import { Visibility, type Post } from '../../core/api/index.js';
import { createEgressGate } from '../../core/egress/index.js';
import { BatonError } from '../../core/errors.js';
import { oneOf } from '../args.js';
import { defineCommand, printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { confirmed } from '../sessions/confirm.js';
import { paint, table } from '../style.js';
import { withClient } from '../tracker/require-client.js';

const HELP = `Usage: baton posts [list] [--limit N] [--page N] [--json]
       baton posts <action> <id> [args] [--json]

Your posts on the tracker: each groups sessions under a title and a link of its own.

Actions:
  rename <id> <title…>
  visibility <id> private|unlisted|public     (private kills every link handed out so far)
  delete <id> [--purge] [--yes]       to the trash for 30 days (--purge: for good; the sessions stay either way);
                                      asks first on a terminal, and without one refuses unless --yes
  restore <id>                        bring it back from the trash (baton sessions trash lists it)
`;

const need = (value: string | undefined, usage: string): string => {
  if (!value) throw new BatonError('invalid_input', `usage: baton posts ${usage}`);
  return value;
};

interface Flags {
  json?: boolean;
  yes?: boolean;
  purge?: boolean;
  limit?: string;
  page?: string;
}

function said(ctx: CliContext, f: Flags, p: Post, what: string): number {
  if (f.json) return printJson(ctx, { post: p });
  ctx.io.out(`${what} ${p.id} · ${p.visibility} · ${p.url}\n`);
  return 0;
}

async function list(f: Flags, ctx: CliContext): Promise<number> {
  const res = await withClient(ctx, (c) =>
    c.posts.list({
      ...(f.limit ? { limit: Number(f.limit) } : {}),
      ...(f.page ? { page: Number(f.page) } : {}),
    }),
  );
  if (f.json) return printJson(ctx, res);
  if (res.posts.length === 0) {
    ctx.io.out('No posts on the tracker yet.\n');
    return 0;
  }
  const rows = [['ID', 'VISIBILITY', 'SESSIONS', 'TITLE', 'URL']];
  for (const p of res.posts)
    rows.push([p.id, p.visibility, String(p.sessionIds.length), (p.title ?? '').slice(0, 50), p.url]);
  const [head, ...body] = table(rows).split('\n');
  ctx.io.out(`${paint(ctx.io).bold(head!)}\n${body.join('\n')}\n`);
  return 0;
}

const ACTIONS: Record<string, (args: string[], f: Flags, ctx: CliContext) => Promise<number>> = {
  async rename([id, ...words], f, ctx) {
    const title = words.join(' ').trim();
    const pid = need(title ? id : undefined, 'rename <id> <title>');
    const body = createEgressGate({ redact: true }).body({ title });
    return said(ctx, f, (await withClient(ctx, (c) => c.posts.patch(pid, body))).post, 'Renamed');
  },
  async visibility([id, v], f, ctx) {
    const usage = 'visibility <id> private|unlisted|public';
    const visibility = oneOf(need(v, usage), Visibility.options, 'visibility')!;
    const body = createEgressGate({ redact: true }).body({ visibility });
    const res = await withClient(ctx, (c) => c.posts.patch(need(id, usage), body));
    return said(ctx, f, res.post, `Made ${visibility}:`);
  },
  async delete([id], f, ctx) {
    const pid = need(id, 'delete <id> [--purge] [--yes]');
    const question = f.purge
      ? `Delete post ${pid} for good? This cannot be undone (its sessions stay).`
      : `Move post ${pid} to the trash (restorable for 30 days)?`;
    if (!(await confirmed(ctx, question, Boolean(f.yes)))) {
      ctx.io.err('Nothing deleted.\n');
      return 1;
    }
    const res = await withClient(ctx, (c) => (f.purge ? c.posts.purge(pid) : c.posts.trash(pid)));
    if (f.json) return printJson(ctx, res);
    ctx.io.out(
      res.purged
        ? `Deleted post ${pid} for good.\n`
        : `Moved post ${pid} to the trash until ${res.purgeAt ?? 'in 30 days'}: baton posts restore ${pid}\n`,
    );
    return 0;
  },
  async restore([id], f, ctx) {
    const res = await withClient(ctx, (c) => c.posts.restore(need(id, 'restore <id>')));
    return said(ctx, f, res.post, 'Restored');
  },
};

export const postsCommand = defineCommand({
  name: 'posts',
  summary: 'list, rename, share or delete your posts on the tracker',
  help: HELP,
  options: {
    limit: { type: 'string' },
    page: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    purge: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    const [action, ...args] = positionals;
    if (action === undefined || action === 'list') return list(values, ctx);
    const run = ACTIONS[action];
    if (!run)
      throw new BatonError(
        'invalid_input',
        `unknown action "${action}": try list, ${Object.keys(ACTIONS).join(', ')} (baton posts --help)`,
      );
    return run(args, values, ctx);
  },
});
