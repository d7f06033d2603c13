import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { isMainThread, parentPort } from 'node:worker_threads';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { stopTracing } from '../tracing/tracing';
import { HealthService } from './health';

/** How long an accepted connection may stay silent before the drain treats it as idle (generous: a loaded host reads late). */
const SILENT_CONNECTION_GRACE_MS = 5000;

/**
 * Connections accepted whose first request has not been read yet. Node's `server.close()`
 * counts them as idle and destroys them, which resets a client that has already sent its request.
 */
class SilentConnections {
  private readonly sockets = new Set<Socket>();

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request: { socket: Socket }) => this.sockets.delete(request.socket));
  }

  /** Resolves once every connection accepted so far has sent a request or closed, or at the grace's end, with how many stayed silent. */
  async settled(): Promise<number> {
    // One turn of the event loop first, so connections already queued by the kernel are accepted.
    await new Promise((resolve) => setImmediate(resolve));
    const deadline = Date.now() + SILENT_CONNECTION_GRACE_MS;
    while (this.sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.sockets.size;
  }
}

/**
 * SIGTERM/SIGINT (in a worker thread: the host's drain message, since threads get no signals):
 * report not-ready, let connections that already sent a request be read, answer every request in
 * flight (asking clients to close their connections), stop workers and jobs, then close the
 * database and exit 0. Later signals do not interrupt the drain; a drain that hangs is cut off
 * after SHUTDOWN_TIMEOUT_MS with exit code 1.
 */
export function drainOnSignals(app: NestFastifyApplication, logger: Logger, timeoutMs: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const silent = new SilentConnections(fastify.server);
  let draining = false;
  fastify.addHook('onRequest', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  const drain = (signal: NodeJS.Signals): void => {
    if (draining) return void logger.info({ signal }, 'already draining');
    draining = true;
    logger.info({ signal }, 'draining: finishing in-flight requests and jobs');
    app.get(HealthService).markShuttingDown();
    setTimeout(() => {
      logger.error({ timeoutMs }, 'drain timed out; exiting');
      exitAfterOutput(1);
    }, timeoutMs).unref();
    silent
      .settled()
      .then((stillSilent) => {
        logger.info({ stillSilent }, 'closing: connections that sent nothing are treated as idle');
        return app.close();
      })
      // Spans of the last requests and jobs are exported before the process exits.
      .then(() => stopTracing())
      .then(
        () => {
          logger.info('drained; exiting');
          exitAfterOutput(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'error while draining');
          exitAfterOutput(1);
        },
      );
  };
  onDrainRequest(drain);
}

/** Exits once what was written to stdout is handed on: a worker thread's output would otherwise be cut. */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

/** The message a process hosting services in worker threads sends one to drain it. */
export const DRAIN_MESSAGE = 'drain';

function onDrainRequest(drain: (signal: NodeJS.Signals) => void): void {
  if (!isMainThread && parentPort) {
    parentPort.on('message', (message: unknown) => {
      if (message === DRAIN_MESSAGE) drain('SIGTERM');
    });
    return;
  }
  process.on('SIGTERM', drain);
  process.on('SIGINT', drain);
}
