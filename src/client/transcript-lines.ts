// Trackers from before issue 12 keep no transcript lines. Their request schemas are strict, so a body carrying
// `entries` (event appends, pushes) or `transcripts` (uploads) is refused whole with a 400, and a client that kept
// sending them would lose the events too. One rule, here: such a refusal is answered by sending the same request
// without the lines, and the client remembers it (per instance), so later requests leave them out from the start.
import { z } from 'zod';
import { httpFailureOf, isBatonError } from '../core/errors.js';

/** The body fields that carry transcript lines (the only ones an older tracker does not know). */
const LINE_KEYS = ['entries', 'transcripts'] as const;

/** Said once by whoever reports to the user (CLI stderr, sender log). */
export const LINES_REFUSED_NOTICE =
  'this tracker is too old to keep transcript lines: events are still delivered, but resuming a session from it ' +
  '(baton resume, baton restore) needs the tracker upgraded';

/** One zod issue as the tracker's validator reports it (tracker/http/errors.ts issueDetails). */
const Issue = z.object({ code: z.string(), path: z.array(z.unknown()), message: z.string() });

/**
 * Whether `err` is a tracker's 400 saying the body's top level had unrecognized keys. The client sends nothing at the
 * top level an older tracker does not know but the line fields, so that is what it refused; zod names the keys only
 * in the message, which the client never reads (a refusal of anything else fails again without the lines, and
 * surfaces).
 */
export function refusesLines(err: unknown): boolean {
  if (!isBatonError(err) || err.code !== 'invalid_request') return false;
  const http = httpFailureOf(err);
  if (http?.status !== 400 || !Array.isArray(http.details)) return false;
  return http.details.some((raw) => {
    const i = Issue.safeParse(raw);
    return i.success && i.data.code === 'unrecognized_keys' && i.data.path.length === 0;
  });
}

/** What one client instance learned about its tracker. */
export interface TranscriptLines {
  /** true once a body with lines was accepted; false once the tracker refused them; undefined before either. */
  kept(): boolean | undefined;
}

export interface LinesRule extends TranscriptLines {
  /**
   * Sends `body`, or the same body without its line fields when the tracker is known to refuse them or refuses them
   * now. `nothingLeft`: when the body without lines holds nothing worth sending, what to answer instead of a request.
   */
  send<B extends object, R>(
    body: B,
    call: (b: B) => Promise<R>,
    nothingLeft?: (b: B) => R | undefined,
  ): Promise<R>;
}

/** `onRefused` is called once, when the tracker first refuses lines. */
export function createLinesRule(onRefused?: () => void): LinesRule {
  let kept: boolean | undefined;
  const without = <B extends object>(body: B): B => {
    const rest = { ...body } as Record<string, unknown>;
    for (const k of LINE_KEYS) delete rest[k];
    return rest as B;
  };
  const hasLines = (body: object) => LINE_KEYS.some((k) => k in body);
  return {
    kept: () => kept,
    async send(body, call, nothingLeft) {
      if (kept === false && hasLines(body)) {
        const b = without(body);
        return nothingLeft?.(b) ?? call(b);
      }
      try {
        const res = await call(body);
        if (hasLines(body)) kept = true;
        return res;
      } catch (err) {
        // A 400 is a validation refusal: the tracker acted on nothing, so even a call that creates a post may repeat.
        if (!hasLines(body) || !refusesLines(err)) throw err;
        if (kept !== false) {
          kept = false;
          onRefused?.();
        }
        const b = without(body);
        return nothingLeft?.(b) ?? call(b);
      }
    },
  };
}
