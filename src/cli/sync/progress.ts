// A one-line progress bar for long CLI jobs: counts, bytes and rate, redrawn on a TTY at most 10 times a second.
import type { CliIo } from '../io.js';

export interface Progress {
  update(p: { done: number; total: number; bytes: number; totalBytes: number; skipped: number }): void;
  finish(): void;
}

export function mb(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

export function createProgress(io: CliIo, label: string, now: () => number = Date.now): Progress {
  const started = now();
  let last = 0;
  let drawn = false;
  return {
    update({ done, total, bytes, totalBytes, skipped }) {
      if (!io.isTty) return;
      const t = now();
      if (t - last < 100 && done < total) return;
      last = t;
      const width = 24;
      const frac = totalBytes > 0 ? bytes / totalBytes : total > 0 ? done / total : 1;
      const filled = Math.round(Math.min(1, frac) * width);
      const secs = Math.max(0.001, (t - started) / 1000);
      const rate = `${(bytes / 1024 ** 2 / secs).toFixed(1)} MB/s · ${(done / secs).toFixed(1)} sessions/s`;
      const skip = skipped ? ` · ${skipped} unchanged` : '';
      io.err(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} · ${mb(bytes)}/${mb(totalBytes)} · ${rate}${skip}\u001b[K`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) io.err('\n');
    },
  };
}
