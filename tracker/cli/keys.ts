// `baton tracker keys create|list|revoke`: manage API keys directly in the database.
import { parseArgs } from 'node:util';
import { CreateKeyRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import type { Store } from '../db/store.js';
import { createKey, toKeyInfo } from '../services/keys.js';
import { DB_OPTIONS, openStoreFromFlags } from './db-flags.js';
import type { CliIo } from './io.js';

export const KEYS_HELP = `Usage: baton tracker keys <create|list|revoke> [options]
  create --name N [--expires 30d] [--rate 60] [--user NAME]   print a new key (shown once)
  list [--user NAME] [--json]                                  keys of a user (default: the owner)
  revoke ID                                                    revoke a key
  Common: --db FILE|postgres://… (or DATABASE_URL), --data-dir DIR
`;

async function userFor(store: Store, name: string | undefined) {
  const users = await store.users.list();
  const user = name ? users.find((u) => u.name === name) : users.find((u) => u.role === 'owner');
  if (!user)
    throw new BatonError(
      'not_found',
      name ? `no user named ${name}` : 'no owner yet: start the tracker once (baton tracker serve)',
    );
  return user;
}

export async function runKeys(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...DB_OPTIONS,
      name: { type: 'string' },
      expires: { type: 'string' },
      rate: { type: 'string' },
      user: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') {
    io.stdout(KEYS_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const store = await openStoreFromFlags(values, io);
  try {
    if (sub === 'create') {
      const req = CreateKeyRequest.safeParse({
        name: values.name,
        ...(values.expires ? { expiresIn: values.expires } : {}),
        ...(values.rate !== undefined ? { rateLimitPerMinute: Number(values.rate) } : {}),
      });
      if (!req.success)
        throw new BatonError(
          'invalid_input',
          req.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
        );
      const user = await userFor(store, values.user);
      const { row, rawKey } = await createKey(store, user.id, req.data, { now: Date.now(), defaultRate: 60 });
      io.stdout(`Created key ${row.id} (${row.name}) for ${user.name}. It is shown once:\n\n  ${rawKey}\n\n`);
      return 0;
    }
    if (sub === 'list') {
      const user = await userFor(store, values.user);
      const keys = (await store.keys.listForUser(user.id)).map(toKeyInfo);
      if (values.json) io.stdout(`${JSON.stringify(keys, null, 2)}\n`);
      else
        for (const k of keys) {
          const state = k.revokedAt
            ? 'revoked'
            : k.expiresAt && Date.parse(k.expiresAt) <= Date.now()
              ? 'expired'
              : 'active';
          io.stdout(
            `${k.id}  bt_${k.prefix}…  ${state.padEnd(7)}  ${k.rateLimitPerMinute || '∞'}/min  last used ${k.lastUsedAt ?? 'never'}  ${k.name}\n`,
          );
        }
      return 0;
    }
    const id = positionals[0];
    if (!id) throw new BatonError('invalid_input', 'give the key id: baton tracker keys revoke ID');
    const key = await store.keys.findById(id);
    if (!key) throw new BatonError('not_found', `no key ${id}`);
    await store.keys.revoke(key.user_id, id, Date.now());
    io.stdout(`Revoked ${id}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
