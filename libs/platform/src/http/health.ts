import { Inject, Injectable } from '@nestjs/common';
import { eventQueueName } from '@shopops/contracts';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { QueueRegistry } from '../messaging/queue-registry';

export interface ReadinessReport {
  readonly status: 'ok' | 'unavailable';
  readonly checks: Record<string, { ok: boolean; detail?: string }>;
}

/** Readiness: the database answers, Redis answers, and the service's queue is not drowning. */
@Injectable()
export class HealthService {
  private shuttingDown = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** Called on SIGTERM so load balancers stop sending work before we stop taking it. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<ReadinessReport> {
    const [database, redis, backlog] = await Promise.all([
      this.check(async () => {
        await this.dataSource.query('SELECT 1');
      }),
      this.check(async () => {
        await this.queues.redis().ping();
      }),
      this.check(async () => {
        const waiting = await this.queues.queue(eventQueueName(this.config.service.name)).getWaitingCount();
        if (waiting > this.config.worker.readyMaxBacklog) throw new Error(`${waiting} jobs waiting`);
        return `${waiting} waiting`;
      }),
    ]);
    const checks = { database, redis, queueBacklog: backlog, ...(this.shuttingDown ? { shutdown: { ok: false, detail: 'draining' } } : {}) };
    const ok = Object.values(checks).every((c) => c.ok);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  private async check(probe: () => Promise<string | void>): Promise<{ ok: boolean; detail?: string }> {
    try {
      const detail = await withTimeout(probe(), 2000);
      return detail ? { ok: true, detail } : { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
