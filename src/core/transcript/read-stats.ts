// Creates the ReadStats counters the reader fills in while it skips, tolerates or deduplicates records.
import type { ReadStats } from '../model/session.js';

export function createReadStats(): ReadStats {
  return {
    records: 0,
    unknownTypes: {},
    malformedLines: 0,
    invalidUtf8Lines: 0,
    hugeLines: 0,
    truncatedTail: false,
    metaRecords: 0,
    duplicateRecords: 0,
    compactions: 0,
    skippedTypes: {},
  };
}

export function countUnknownType(stats: ReadStats, type: string): void {
  stats.unknownTypes[type] = (stats.unknownTypes[type] ?? 0) + 1;
}

/** A record read on purpose without an event (bookkeeping, titles, state): counted so every output can say so. */
export function countSkippedType(stats: ReadStats, type: string): void {
  const m = (stats.skippedTypes ??= {});
  m[type] = (m[type] ?? 0) + 1;
}
