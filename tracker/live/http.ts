// HTTP plumbing shared by the live routes: error bodies, status mapping, bearer parsing, size-capped JSON bodies.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { BatonError, type BatonErrorCode } from '../../src/core/errors.js';

const STATUS: Partial<Record<BatonErrorCode, ContentfulStatusCode>> = {
  invalid_input: 400,
  invalid_request: 400,
  auth: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
};

export function statusFor(code: BatonErrorCode): ContentfulStatusCode {
  return STATUS[code] ?? 500;
}

/** `{ error: { code, message, details? } }`, plus Retry-After on 429. */
export function errorResponse(c: Context, err: unknown): Response {
  if (err instanceof BatonError) {
    const status = statusFor(err.code);
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (status === 429 && retry) c.header('retry-after', String(retry));
    const body = {
      error: {
        code: err.code,
        message: err.message,
        ...(err.details !== undefined ? { details: err.details } : {}),
      },
    };
    return c.json(body, status);
  }
  return c.json({ error: { code: 'internal', message: 'Internal error.' } }, 500);
}

export function bearer(c: Context): string | null {
  const h = c.req.header('authorization');
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}

/** Reads and validates a JSON body no larger than `maxBytes` (413 beyond, checked while reading). */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
  maxBytes: number,
  allowEmpty = false,
): Promise<z.infer<T>> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBytes)
    throw new BatonError('too_large', `Request body exceeds ${maxBytes} bytes.`, {
      details: { limit: maxBytes },
    });
  const body = c.req.raw.body;
  let text = '';
  if (body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new BatonError('too_large', `Request body exceeds ${maxBytes} bytes.`, {
          details: { limit: maxBytes },
        });
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  let json: unknown = {};
  if (text.trim() !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      throw new BatonError('invalid_request', 'The request body is not valid JSON.');
    }
  } else if (!allowEmpty) {
    throw new BatonError('invalid_request', 'A JSON request body is required.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new BatonError('invalid_request', 'The request body is invalid.', {
      details: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
