// `baton posts`: list, rename, share or delete your posts on the tracker (issue 13; being built).
import { BatonError } from '../../core/errors.js';
import { defineCommand } from '../command.js';

export const postsCommand = defineCommand({
  name: 'posts',
  summary: 'list, rename, share or delete your posts on the tracker',
  help: 'Usage: baton posts\n',
  options: {},
  run() {
    throw new BatonError('invalid_input', 'baton posts is not available in this build yet');
  },
});
