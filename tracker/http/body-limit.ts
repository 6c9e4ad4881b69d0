// Refuses oversized bodies with a 413 before anything parses them.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { refusalResponse } from './errors.js';

export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The unread rest of the body is still on the wire: the server drains it for a moment, then drops the
      // socket. Saying so keeps a keep-alive client from sending its next request into that dying connection.
      c.header('Connection', 'close');
      return refusalResponse(c, 413, 'too_large', `request body exceeds ${maxBytes} bytes`, {
        reason: 'body_too_large',
        details: { maxBytes },
      });
    },
  });
}
