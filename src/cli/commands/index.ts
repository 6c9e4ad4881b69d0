// The registry of `baton` commands, in the order --help lists them.
import type { CliCommand } from '../command.js';
import { exportCommand } from './export.js';
import { exportSessionCommand } from './export-session.js';
import { trackerCommand } from './tracker.js';

export const commands: readonly CliCommand[] = [exportCommand, exportSessionCommand, trackerCommand];
