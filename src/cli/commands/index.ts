// The registry of `baton` commands, in the order --help lists them.
import type { CliCommand } from '../command.js';
import { exportCommand } from './export.js';
import { exportSessionCommand } from './export-session.js';
import { handoffCommand } from './handoff.js';
import { liveCommand } from './live.js';
import { trackerCommand } from './tracker-cli.js';

export const commands: readonly CliCommand[] = [exportCommand, exportSessionCommand, handoffCommand, liveCommand, trackerCommand];
