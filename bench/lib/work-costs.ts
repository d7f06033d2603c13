/**
 * What a unit of work costs the server side, read around a measured span: queue jobs handled
 * and SQL statements sent (each service's /metrics), PostgreSQL transactions (pg_stat_database
 * of the bench's database), Redis commands (INFO, the whole server: run benches on a quiet
 * machine) and CPU of the services, the database's backends and Redis (bench/lib/cpu.ts).
 */
import IORedis from 'ioredis';
import type { SuiteStack } from '@shopops/testing';
import { startDatabaseCpuSpan } from './cpu';
import { round } from './load';

interface Counters {
  readonly jobs: number;
  readonly statements: number;
  readonly transactions: number;
  readonly redisCommands: number;
}

export interface WorkCosts {
  readonly jobs_per_unit: number;
  readonly statements_per_unit: number;
  readonly transactions_per_unit: number;
  readonly redis_commands_per_unit: number;
  readonly cpu_ms_per_unit: number;
}

/** Sums one counter over every series of a Prometheus text page, optionally only series whose labels contain `having`. */
function sumCounter(page: string, name: string, having = ''): number {
  let total = 0;
  for (const line of page.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (having && !line.includes(having)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  }
  return total;
}

async function readCounters(stack: SuiteStack, redis: IORedis): Promise<Counters> {
  let jobs = 0;
  let statements = 0;
  for (const service of stack.ports.keys()) {
    // Services the stack runs, each in a process of its own or together in one.
    if (![...stack.processes.values()].some((running) => running.services.includes(service))) continue;
    const page = await (await fetch(`http://127.0.0.1:${stack.port(service)}/metrics`)).text();
    jobs += sumCounter(page, 'queue_jobs_total', 'outcome="completed"');
    statements += sumCounter(page, 'db_queries_total');
  }
  const { rows } = await stack.db().query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`, [stack.database]);
  const info = await redis.info('stats');
  const redisCommands = Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
  return { jobs, statements, transactions: Number(rows[0]?.n ?? 0), redisCommands };
}

export interface CostMeter {
  /** The costs since the meter started, per unit of work. */
  stop(units: number): Promise<WorkCosts>;
}

export async function startCostMeter(stack: SuiteStack): Promise<CostMeter> {
  const redis = new IORedis(stack.redisUrl);
  const before = await readCounters(stack, redis);
  const cpu = await startDatabaseCpuSpan(stack.db(), stack.database);
  return {
    async stop(units) {
      const cpuMs = await cpu.stop();
      // pg_stat_database is updated when a backend reports, at most every 0.5 s (and at idle).
      await new Promise((r) => setTimeout(r, 1000));
      const after = await readCounters(stack, redis);
      redis.disconnect();
      const per = (a: number, b: number) => (units === 0 ? 0 : round((a - b) / units, 2));
      return {
        jobs_per_unit: per(after.jobs, before.jobs),
        statements_per_unit: per(after.statements, before.statements),
        transactions_per_unit: per(after.transactions, before.transactions),
        redis_commands_per_unit: per(after.redisCommands, before.redisCommands),
        cpu_ms_per_unit: units === 0 ? 0 : round(cpuMs / units, 3),
      };
    },
  };
}
