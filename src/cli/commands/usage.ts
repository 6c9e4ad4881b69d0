// `baton usage`: tokens and cost by day, project or model (issue 14; being built).
import { BatonError } from '../../core/errors.js';
import { defineCommand } from '../command.js';

export const usageCommand = defineCommand({
  name: 'usage',
  summary: 'tokens and cost by day, project or model',
  help: 'Usage: baton usage\n',
  options: {},
  run() {
    throw new BatonError('invalid_input', 'baton usage is not available in this build yet');
  },
});
