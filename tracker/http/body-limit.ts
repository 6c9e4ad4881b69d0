// Refuses oversized bodies with a 413 before anything parses them.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorResponse } from './errors.js';

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      errorResponse(c, 413, 'too_large', `request body exceeds ${maxBytes} bytes`, { maxBytes }),
  });
}
