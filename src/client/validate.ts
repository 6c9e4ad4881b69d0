// Validates an outgoing body with its shared schema, so a bad request fails here with a clear error, not at the tracker.
import type { z } from 'zod';
import { assertGated } from '../core/egress/index.js';
import { BatonError } from '../core/errors.js';

export function validateRequest<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new BatonError(
    'invalid_request',
    `refusing to send an invalid ${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    {
      details: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
    },
  );
}

/**
 * For a body that carries session content or user text: it must come out of the egress gate (checked at run time,
 * not only by its type), then it is validated like any other.
 */
export function validateOutbound<S extends z.ZodType>(
  schema: S,
  value: z.input<S>,
  what: string,
): z.output<S> {
  assertGated(value, `tracker client (${what})`);
  return validateRequest(schema, value, what);
}

/** Encodes one path segment (ids come from users and transcripts). */
export const seg = (id: string): string => encodeURIComponent(id);
