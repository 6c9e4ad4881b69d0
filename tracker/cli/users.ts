// `baton tracker users add|list`: add users (each gets a first key) and list them.
import { parseArgs } from 'node:util';
import { CreateUserRequest } from '../../src/core/api/index.js';
import { BatonError } from '../../src/core/errors.js';
import { addUser } from '../services/users.js';
import { DB_OPTIONS, openStoreFromFlags } from './db-flags.js';
import type { CliIo } from './io.js';

export const USERS_HELP = `Usage: baton tracker users <add|list> [options]
  add --name N [--role member|owner]   add a user and print its first API key (shown once)
  list                                 list users
  Common: --db FILE|postgres://… (or DATABASE_URL), --data-dir DIR
`;

export async function runUsers(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { ...DB_OPTIONS, name: { type: 'string' }, role: { type: 'string' } },
  });
  if (sub !== 'add' && sub !== 'list') {
    io.stdout(USERS_HELP);
    return sub === undefined || sub === 'help' || sub === '--help' ? 0 : 2;
  }
  const store = await openStoreFromFlags(values, io);
  try {
    if (sub === 'list') {
      for (const u of await store.users.list()) io.stdout(`${u.id}  ${u.role.padEnd(6)}  ${u.name}\n`);
      return 0;
    }
    const req = CreateUserRequest.safeParse({
      name: values.name,
      ...(values.role ? { role: values.role } : {}),
    });
    if (!req.success)
      throw new BatonError(
        'invalid_input',
        req.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      );
    const { user, key } = await store.transaction((repos) =>
      addUser(repos, req.data, { now: Date.now(), defaultRate: 60 }),
    );
    io.stdout(
      `Added ${user.role} ${user.name} (${user.id}). Their API key is shown once:\n\n  ${key.rawKey}\n\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
