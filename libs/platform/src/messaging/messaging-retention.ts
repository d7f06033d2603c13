import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlatformConfig } from '../config/platform-config';
import type { RequestContext } from '../context/request-context';
import { execute } from '../database/sql';
import { rootLogger } from '../logging/logger';
import { PLATFORM_CONFIG } from '../platform.tokens';
import { Scheduled } from './on-event.decorator';

const CHUNK = 5000;

/**
 * Keeps the messaging tables small: published outbox rows are kept a week (for audit and
 * replay), inbox rows a month — far longer than any redelivery can arrive. An outbox row no
 * consumer has acknowledged yet is kept, however old.
 */
@Injectable()
export class MessagingRetention {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  @Scheduled({ name: 'platform.messaging-retention', cron: '17 3 * * *' })
  async pruneMessagingTables(_ctx: RequestContext): Promise<void> {
    const outbox = await this.deleteInChunks(
      `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < now() - ($1::int * interval '1 day') AND acknowledged_at IS NOT NULL LIMIT ${CHUNK})`,
      this.config.retention.outboxDays,
    );
    const inbox = await this.deleteInChunks(
      `DELETE FROM inbox WHERE ctid IN (SELECT ctid FROM inbox WHERE processed_at < now() - ($1::int * interval '1 day') LIMIT ${CHUNK})`,
      this.config.retention.inboxDays,
    );
    rootLogger().info({ outbox, inbox }, 'pruned messaging tables');
  }

  /** Small deletes, so no long lock blocks the relay or the consumers. */
  private async deleteInChunks(sql: string, days: number): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await execute(this.dataSource, sql, [days]);
      total += deleted;
      if (deleted < CHUNK) return total;
    }
  }
}
