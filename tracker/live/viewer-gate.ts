// Admission for live SSE connections: caps per stream and per client address, so one link cannot exhaust sockets.
import type { Context } from 'hono';
import type { TrackerConfig } from '../config.js';
import { clientAddress } from '../http/client-address.js';
import { HttpError } from '../http/errors.js';

export interface ViewerCaps {
  /** Viewer-token connections to one stream on this instance (owner connections are not counted). */
  perStream: number;
  /** Live SSE connections (viewer or owner, any stream) from one client address on this instance. */
  perAddress: number;
}

export interface ViewerGate {
  /** Counts one connection in, or throws 503 `stream_full` / 429 `too_many_connections`; call the release once. */
  admit(c: Context, liveId: string, who: { viewer: boolean }): () => void;
  counts(): { streams: number; addresses: number };
}

/** A full stream frees up as viewers leave; the client's EventSource retries on its own after this. */
const RETRY_AFTER_SECONDS = 30;

/**
 * Per instance, in memory: what runs out is this process's file descriptors, so this process's count is the one
 * that matters (N instances admit up to N × the cap in total, each within its own limit).
 */
export function createViewerGate(caps: ViewerCaps, config: Pick<TrackerConfig, 'trustProxy'>): ViewerGate {
  const perStream = new Map<string, number>();
  const perAddress = new Map<string, number>();
  const dec = (m: Map<string, number>, k: string) => {
    const n = (m.get(k) ?? 1) - 1;
    if (n <= 0) m.delete(k);
    else m.set(k, n);
  };
  return {
    admit(c, liveId, who) {
      const addr = clientAddress(c, config);
      if ((perAddress.get(addr) ?? 0) >= caps.perAddress)
        throw HttpError.refusal(
          429,
          'too_many_connections',
          `at most ${caps.perAddress} live connections per client address`,
          {
            reason: 'too_many_connections',
            details: { limit: caps.perAddress, retryAfterSeconds: RETRY_AFTER_SECONDS },
          },
        );
      if (who.viewer && (perStream.get(liveId) ?? 0) >= caps.perStream)
        throw HttpError.refusal(
          503,
          'stream_full',
          `this live stream has its maximum of ${caps.perStream} viewers`,
          {
            reason: 'stream_full',
            details: { limit: caps.perStream, retryAfterSeconds: RETRY_AFTER_SECONDS },
          },
        );
      perAddress.set(addr, (perAddress.get(addr) ?? 0) + 1);
      if (who.viewer) perStream.set(liveId, (perStream.get(liveId) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        dec(perAddress, addr);
        if (who.viewer) dec(perStream, liveId);
      };
    },
    counts: () => ({ streams: perStream.size, addresses: perAddress.size }),
  };
}
