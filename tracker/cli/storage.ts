// `baton tracker storage`: how much the transcript mirror takes: raw bytes sent, bytes stored, per MB of transcript.
import { parseArgs } from 'node:util';
import { DB_OPTIONS, openStoreFromFlags } from './db-flags.js';
import type { CliIo } from './io.js';

export const STORAGE_HELP = `Usage: baton tracker storage [--json] [--db FILE|URL] [--data-dir DIR]
  Reports the transcript entries stored (issue 12): lines, raw bytes as sent, bytes stored (the deflated lines),
  bytes the table takes on disk with its indexes, and each per MB of transcript, for the database's engine.
`;

const MB = 1024 * 1024;

export async function runStorage(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...DB_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    io.stdout(STORAGE_HELP);
    return 0;
  }
  const store = await openStoreFromFlags(values, io);
  try {
    const s = await store.transcriptEntries.statsAll();
    const ratio = s.rawBytes > 0 ? s.storedBytes / s.rawBytes : 0;
    const report = {
      engine: store.engine,
      sessions: s.sessions,
      entries: s.entries,
      rawBytes: s.rawBytes,
      storedBytes: s.storedBytes,
      storedBytesPerMb: Math.round(ratio * MB),
      ratio: Math.round(ratio * 1000) / 1000,
      diskBytes: s.diskBytes,
      diskBytesPerMb: s.rawBytes > 0 ? Math.round((s.diskBytes / s.rawBytes) * MB) : 0,
    };
    if (values.json) {
      io.stdout(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const mb = (n: number) => `${(n / MB).toFixed(2)} MB`;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    io.stdout(
      [
        `Transcript entries (${report.engine}): ${report.entries} lines in ${report.sessions} sessions`,
        `  raw (as sent):     ${mb(report.rawBytes)}`,
        `  stored (deflated): ${mb(report.storedBytes)}`,
        `  on disk (table and indexes): ${mb(report.diskBytes)}`,
        `  per MB of transcript: ${kb(report.storedBytesPerMb)} stored (${report.ratio}x), ${kb(report.diskBytesPerMb)} on disk`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await store.close();
  }
}
