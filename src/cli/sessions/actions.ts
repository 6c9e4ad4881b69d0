// `baton sessions <action> <id> …`: star, tag, archive, rename, visibility, unshare, delete, restore, trash.
// Each action is one tracker client call (one API route, one service): no logic of its own beyond asking first.
import { Visibility, type PatchSessionRequest, type SessionSummary } from '../../core/api/index.js';
import { createEgressGate } from '../../core/egress/index.js';
import { BatonError } from '../../core/errors.js';
import { oneOf } from '../args.js';
import { printJson } from '../command.js';
import type { CliContext } from '../invocation.js';
import { paint, table } from '../style.js';
import { withClient } from '../tracker/require-client.js';
import { confirmed } from './confirm.js';
import { sharedColumn } from './list.js';

export interface ActionFlags {
  json?: boolean;
  yes?: boolean;
  purge?: boolean;
  limit?: string;
  page?: string;
}

type Client = Parameters<Parameters<typeof withClient>[1]>[0];

const need = (value: string | undefined, usage: string): string => {
  if (!value) throw new BatonError('invalid_input', `usage: baton sessions ${usage}`);
  return value;
};

/** One line saying what the session looks like now. */
function said(ctx: CliContext, flags: ActionFlags, s: SessionSummary, what: string): number {
  if (flags.json) return printJson(ctx, { session: s });
  const link = s.sharing?.link?.url ?? (s.visibility === 'private' ? null : s.url);
  ctx.io.out(`${what} ${s.id} · ${s.visibility} · shared: ${sharedColumn(s)}${link ? ` · ${link}` : ''}\n`);
  return 0;
}

async function patched(
  ctx: CliContext,
  flags: ActionFlags,
  id: string,
  what: string,
  change: (c: Client) => Promise<PatchSessionRequest>,
): Promise<number> {
  // Titles and tags are text leaving the machine: they pass the egress gate (secrets redacted) like everything else.
  const gate = createEgressGate({ redact: true });
  const res = await withClient(ctx, async (c) => c.sessions.patch(id, gate.body(await change(c), id)));
  return said(ctx, flags, res.session, what);
}

async function currentTags(c: Client, id: string): Promise<string[]> {
  return (await c.sessions.get(id, { limit: 0 })).session.tags;
}

export const SESSION_ACTIONS: Record<
  string,
  (args: string[], flags: ActionFlags, ctx: CliContext) => Promise<number>
> = {
  star: ([id], f, ctx) => patched(ctx, f, need(id, 'star <id>'), 'Starred', async () => ({ starred: true })),
  unstar: ([id], f, ctx) =>
    patched(ctx, f, need(id, 'unstar <id>'), 'Unstarred', async () => ({ starred: false })),
  archive: ([id], f, ctx) =>
    patched(ctx, f, need(id, 'archive <id>'), 'Archived', async () => ({ archived: true })),
  unarchive: ([id], f, ctx) =>
    patched(ctx, f, need(id, 'unarchive <id>'), 'Unarchived', async () => ({ archived: false })),
  tag: ([id, ...tags], f, ctx) => {
    if (tags.length === 0) throw new BatonError('invalid_input', 'usage: baton sessions tag <id> <tag…>');
    return patched(ctx, f, need(id, 'tag <id> <tag…>'), 'Tagged', async (c) => ({
      tags: [...new Set([...(await currentTags(c, id!)), ...tags])],
    }));
  },
  untag: ([id, ...tags], f, ctx) => {
    if (tags.length === 0) throw new BatonError('invalid_input', 'usage: baton sessions untag <id> <tag…>');
    return patched(ctx, f, need(id, 'untag <id> <tag…>'), 'Untagged', async (c) => ({
      tags: (await currentTags(c, id!)).filter((t) => !tags.includes(t)),
    }));
  },
  rename: ([id, ...words], f, ctx) => {
    const title = words.join(' ').trim();
    if (!title) throw new BatonError('invalid_input', 'usage: baton sessions rename <id> <title>');
    return patched(ctx, f, need(id, 'rename <id> <title>'), 'Renamed', async () => ({ title }));
  },
  visibility: ([id, v], f, ctx) => {
    const usage = 'visibility <id> private|unlisted|public';
    const visibility = oneOf(need(v, usage), Visibility.options, 'visibility')!;
    return patched(ctx, f, need(id, usage), `Made ${visibility}:`, async () => ({ visibility }));
  },
  async unshare([id], f, ctx) {
    const s = await withClient(ctx, (c) => c.sessions.unshare(need(id, 'unshare <id>')));
    return said(ctx, f, s.session, 'Unshared (old links are dead for good):');
  },
  async delete([id], f, ctx) {
    const sid = need(id, 'delete <id> [--purge] [--yes]');
    const question = f.purge
      ? `Delete session ${sid} for good? This cannot be undone.`
      : `Move session ${sid} to the trash (restorable for 30 days)?`;
    if (!(await confirmed(ctx, question, Boolean(f.yes)))) {
      ctx.io.err('Nothing deleted.\n');
      return 1;
    }
    const res = await withClient(ctx, (c) => (f.purge ? c.sessions.purge(sid) : c.sessions.trash(sid)));
    if (f.json) return printJson(ctx, res);
    ctx.io.out(
      res.purged
        ? `Deleted ${sid} for good.\n`
        : `Moved ${sid} to the trash until ${res.purgeAt ?? 'in 30 days'}: baton sessions restore ${sid}\n`,
    );
    return 0;
  },
  async restore([id], f, ctx) {
    const s = await withClient(ctx, (c) => c.sessions.restore(need(id, 'restore <id>')));
    return said(ctx, f, s.session, 'Restored');
  },
  async trash(_args, f, ctx) {
    const res = await withClient(ctx, (c) =>
      c.trash.list({
        ...(f.limit ? { limit: Number(f.limit) } : {}),
        ...(f.page ? { page: Number(f.page) } : {}),
      }),
    );
    if (f.json) return printJson(ctx, res);
    if (res.sessions.length === 0 && res.posts.length === 0) {
      ctx.io.out('The trash is empty.\n');
      return 0;
    }
    const rows = [['KIND', 'ID', 'DELETED', 'PURGED AFTER', 'TITLE']];
    for (const s of res.sessions)
      rows.push(['session', s.id, s.deletedAt, s.purgeAt, (s.title ?? '').slice(0, 60)]);
    for (const p of res.posts)
      rows.push(['post', p.id, p.deletedAt, p.purgeAt, (p.title ?? '').slice(0, 60)]);
    const [head, ...body] = table(rows).split('\n');
    ctx.io.out(`${paint(ctx.io).bold(head!)}\n${body.join('\n')}\n`);
    return 0;
  },
};
