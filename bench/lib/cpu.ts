/**
 * CPU time of every process doing a benchmark's work — the services (this process's children
 * and their descendants), PostgreSQL and Redis — read from /proc, so `cpu_ms_per_unit` counts the
 * server side whatever the load generator costs. Processes that exit during the measured span
 * (a closed PostgreSQL backend) take their CPU with them, so keep pools open while measuring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

const SERVER_COMMANDS = new Set(['postgres', 'redis-server']);
// Linux reports times in clock ticks of 1/100 s on every architecture Node ships for.
const TICK_MS = 10;

interface ProcessTimes {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
  readonly cpuMs: number;
}

function readProcesses(): ProcessTimes[] {
  const processes: ProcessTimes[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command sits in parentheses and may itself hold spaces or parentheses.
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      processes.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        command: stat.slice(open + 1, close),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return processes;
}

/** CPU milliseconds per server process right now, keyed by pid; `postgres` narrows PostgreSQL to those pids. */
function serverCpu(loadGenerator: number, postgres?: ReadonlySet<number>): Map<number, number> {
  const processes = readProcesses();
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const ours = new Set<number>();
  const pending = [...(children.get(loadGenerator) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    ours.add(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  const cpu = new Map<number, number>();
  for (const p of processes) {
    const server = p.command === 'postgres' ? !postgres || postgres.has(p.pid) : SERVER_COMMANDS.has(p.command);
    if (ours.has(p.pid) || server) cpu.set(p.pid, p.cpuMs);
  }
  return cpu;
}

export interface CpuSpan {
  /** Server CPU milliseconds spent since the span started. */
  stop(): number;
}

/** Milliseconds the server processes spent since `before` was read. */
function spentSince(before: ReadonlyMap<number, number>, postgres?: ReadonlySet<number>): number {
  let spent = 0;
  for (const [pid, ms] of serverCpu(process.pid, postgres)) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

/** Starts counting the server side's CPU; `stop()` returns the milliseconds spent since. */
export function startCpuSpan(): CpuSpan {
  const before = serverCpu(process.pid);
  return { stop: () => spentSince(before) };
}

/**
 * Like startCpuSpan, but counting of PostgreSQL only the backends of one database and the
 * server's own processes (WAL writer, checkpointer…), so work on other databases of a shared
 * server does not count. Backends that connect during the span count from their start.
 */
export async function startDatabaseCpuSpan(db: Pool, database: string): Promise<{ stop(): Promise<number> }> {
  const pids = async (): Promise<Set<number>> =>
    new Set(
      (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 OR backend_type <> 'client backend'`, [database])).rows.map(
        (r) => r.pid,
      ),
    );
  const postgresBefore = await pids();
  const before = serverCpu(process.pid, postgresBefore);
  return {
    async stop() {
      return spentSince(before, new Set([...postgresBefore, ...(await pids())]));
    },
  };
}

/** Runs `work` and returns its result with the server CPU it cost. */
export async function measureCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const span = startCpuSpan();
  const result = await work();
  return { result, cpuMs: span.stop() };
}
