// Starts and stops the HTTP(S) server around an app: listen, TLS, graceful shutdown (drain, then close the DB).
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { BatonError } from '../src/core/errors.js';
import type { TrackerApp } from './app.js';
import type { TrackerConfig } from './config.js';
import type { Logger } from './log.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the shutdown timeout), then runs `onClosed`. */
  close(): Promise<void>;
}

export async function startServer(opts: {
  app: TrackerApp;
  config: Pick<TrackerConfig, 'host' | 'port' | 'tls' | 'shutdownTimeoutMs'>;
  logger: Logger;
  /** Runs after the last connection closed (close the database here). */
  onClosed?: () => Promise<void>;
}): Promise<RunningServer> {
  const { app, config, logger } = opts;
  const tls = config.tls ? readTls(config.tls) : null;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}),
      },
      () => resolve(s as Server),
    ) as Server;
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new BatonError(
          'config',
          `cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}`,
          { cause: err },
        ),
      ),
    );
  });
  // Slow-loris guard; long exports still stream because the timeout covers headers only.
  server.headersTimeout = 30_000;
  server.requestTimeout = 300_000;
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      logger.info('shutting down', { inFlightTimeoutMs: config.shutdownTimeoutMs });
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn('shutdown timeout: closing remaining connections');
        server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      timer.unref();
      // Keep-alive sockets that finish a request while we wait must not hold the process open.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      sweep.unref();
      await drained;
      clearTimeout(timer);
      clearInterval(sweep);
      await opts.onClosed?.();
      logger.info('stopped');
    })());
  return { url, port, close };
}

function readTls(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  try {
    return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) };
  } catch (cause) {
    throw new BatonError('config', `cannot read the TLS certificate or key: ${(cause as Error).message}`, {
      cause,
    });
  }
}
