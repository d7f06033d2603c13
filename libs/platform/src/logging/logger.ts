import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { logScope, type LogScope } from '../context/request-context';

let root: Logger | undefined;

/** The process's JSON logger; every line carries the request id of the work it belongs to, and its trace ids when traced. */
export function createRootLogger(service: string, level: string): Logger {
  root = pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => logFieldsOf(logScope.getStore()),
  });
  return root;
}

/** What a log line written in `scope` carries: its request id, and the trace ids while its work is traced. */
export function logFieldsOf(scope: LogScope | undefined): Record<string, string> {
  if (!scope) return {};
  return scope.traceId && scope.spanId ? { requestId: scope.requestId, trace_id: scope.traceId, span_id: scope.spanId } : { requestId: scope.requestId };
}

/** The logger `createRootLogger` made; code running outside a service (a test module) gets one at info. */
export function rootLogger(): Logger {
  root ??= pino({ level: 'info' });
  return root;
}

/** Nest's logger interface over pino, so framework messages are structured too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
