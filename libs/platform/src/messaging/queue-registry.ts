import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import { PLATFORM_CONFIG } from '../platform.tokens';
import type { PlatformConfig } from '../config/platform-config';

/** ioredis options from a redis:// URL. */
export function redisOptions(url: string, extra: RedisOptions = {}): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    ...extra,
  };
}

/** Producers fail fast when Redis is away (the outbox keeps the events); workers wait for it. */
export function producerConnectionOptions(url: string): RedisOptions {
  return redisOptions(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
}

export function workerConnectionOptions(url: string): ConnectionOptions {
  return redisOptions(url, { maxRetriesPerRequest: null });
}

/** The process's producer-side queues, on one shared connection, created on first use. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private connection?: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig) {}

  get prefix(): string {
    return this.config.queuePrefix;
  }

  redis(): Redis {
    if (!this.connection) {
      this.connection = new IORedis(producerConnectionOptions(this.config.redisUrl));
      // Errors surface on the commands that fail; an unhandled 'error' event would crash the process.
      this.connection.on('error', () => undefined);
    }
    return this.connection;
  }

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis(), prefix: this.prefix });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
