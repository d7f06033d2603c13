import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Counter } from 'prom-client';
import { logScope } from '../context/request-context';
import { rootLogger } from '../logging/logger';

/**
 * Counts every SQL statement the service sends (db_queries_total in /metrics), so N+1 patterns
 * show up in dashboards and tests can assert that a page of 50 costs what a page of 5 does.
 */
export class QueryCountingLogger implements TypeOrmLogger {
  constructor(
    private readonly counter: Counter<'service'>,
    private readonly service: string,
  ) {}

  logQuery(): void {
    this.count();
  }
  logQueryError(error: string | Error, query: string): void {
    this.count();
    rootLogger().debug({ err: error, query }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    rootLogger().warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }
  logSchemaBuild(): void {}

  private count(): void {
    this.counter.inc({ service: this.service });
    const scope = logScope.getStore();
    if (scope?.sqlStatements !== undefined) scope.sqlStatements++;
  }
  logMigration(message: string): void {
    rootLogger().info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') rootLogger().warn({ typeorm: message }, 'typeorm warning');
  }
}
