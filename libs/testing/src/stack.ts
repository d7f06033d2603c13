import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOMAIN_SERVICE_NAMES, SERVICE_NAMES, type ServiceName } from '@shopops/contracts';
import { migrateServices, serviceEnvName } from '@shopops/platform';
import type { Pool } from 'pg';
import { SUITE_MIGRATIONS } from '../../../apps/migrations';
import { createDatabase, databaseUrl, dropDatabase, testPool, uniqueName } from './databases';
import { harnessEnv, suiteEnv, type Topology } from './harness-env';
import { freePort } from './ports';

/** The repository root: the nearest folder above with a package.json (from sources or dist/). */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

export interface StackOptions {
  /** Which services to run; all six by default. */
  readonly services?: readonly ServiceName[];
  readonly redisUrl?: string;
  /** Extra environment for every process. */
  readonly env?: Readonly<Record<string, string>>;
  readonly name?: string;
  /** One process per service, or all of them in one; the run's SHOPOPS_TOPOLOGY by default. */
  readonly topology?: Topology;
}

/** The process that hosts every service of a one-process stack. */
export const HOST_PROCESS_ID = 'host';

export interface RunningProcess {
  readonly id: string;
  /** What it runs: one service, or several in one process. */
  readonly services: readonly ServiceName[];
  /** The port readiness is asked on (the gateway's, in a process hosting it). */
  readonly port: number;
  readonly child: ChildProcess;
  readonly logFile: string;
  readonly exited: Promise<number | null>;
}

/** Timings that keep retries and crash recovery inside a test's patience. */
const FAST_TEST_TIMINGS: Record<string, string> = {
  JOB_ATTEMPTS: '4',
  JOB_BACKOFF_MS: '100',
  JOB_LOCK_MS: '3000',
  JOB_STALLED_CHECK_MS: '1000',
  OUTBOX_POLL_MS: '250',
  OUTBOX_ACK_CHECK_MS: '1000',
  SCHEDULE_CHECK_MS: '2000',
  RATE_LIMIT_PER_MINUTE: '1000000',
  SHUTDOWN_TIMEOUT_MS: '15000',
  LOG_LEVEL: 'info',
};

/**
 * The whole suite as real processes on free ports, against a fresh database and a fresh
 * queue prefix: what the e2e tests drive through the gateway.
 */
export class SuiteStack {
  readonly processes = new Map<string, RunningProcess>();
  readonly ports = new Map<ServiceName, number>();
  private pool?: Pool;

  private constructor(
    readonly name: string,
    readonly database: string,
    readonly databaseUrl: string,
    readonly redisUrl: string,
    readonly queuePrefix: string,
    readonly logDir: string,
    private readonly extraEnv: Readonly<Record<string, string>>,
    readonly topology: Topology = 'per-service',
  ) {}

  static async start(options: StackOptions = {}): Promise<SuiteStack> {
    const name = uniqueName(options.name ?? 'stack');
    const database = await createDatabase(uniqueName('shopops_test'));
    const url = databaseUrl(database);
    const logDir = join(PROJECT_ROOT, '.test-logs', name);
    mkdirSync(logDir, { recursive: true });
    const stack = new SuiteStack(
      name,
      database,
      url,
      options.redisUrl ?? harnessEnv.redisUrl(),
      `t${randomBytes(4).toString('hex')}`,
      logDir,
      options.env ?? {},
      options.topology ?? harnessEnv.topology(),
    );
    try {
      await migrateServices(SUITE_MIGRATIONS, { ...harnessEnv.configEnvironment(), DATABASE_URL: url });
      const services = options.services ?? SERVICE_NAMES;
      for (const service of SERVICE_NAMES) stack.ports.set(service, await freePort());
      if (stack.topology === 'one-process') {
        if (services.length > 0) await stack.startHost(services);
        return stack;
      }
      const domain = services.filter((s) => s !== 'gateway');
      await Promise.all(domain.map((service) => stack.startProcess(service)));
      if (services.includes('gateway')) await stack.startProcess('gateway');
      return stack;
    } catch (error) {
      await stack.stop();
      throw error;
    }
  }

  /**
   * The suite the e2e project started, for specs that run extra processes beside it (a second
   * gateway, one in production mode). Stop those with stopProcesses(), never stop().
   */
  static shared(): SuiteStack {
    const url = suiteEnv.databaseUrl();
    const prefix = suiteEnv.queuePrefix();
    if (!url || !prefix) throw new Error('no shared suite: run e2e specs through jest');
    const name = uniqueName('beside-shared');
    const logDir = join(PROJECT_ROOT, '.test-logs', name);
    mkdirSync(logDir, { recursive: true });
    const stack = new SuiteStack(name, new URL(url).pathname.slice(1), url, harnessEnv.redisUrl(), prefix, logDir, {});
    const ports = suiteEnv.servicePorts() as Record<ServiceName, number>;
    for (const [service, port] of Object.entries(ports)) stack.ports.set(service as ServiceName, port);
    return stack;
  }

  /** Stops the processes this object started, leaving the database in place. */
  async stopProcesses(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((id) => this.stopProcess(id, 'SIGTERM')));
  }

  /** What a spec needs to reach this stack: the variables GatewayClient, db helpers and queue helpers read. */
  specEnvironment(): Record<string, string> {
    return {
      SHOPOPS_GATEWAY_URL: this.gatewayUrl,
      SHOPOPS_TEST_DATABASE_URL: this.databaseUrl,
      SHOPOPS_TEST_QUEUE_PREFIX: this.queuePrefix,
      SHOPOPS_SERVICE_PORTS: JSON.stringify(Object.fromEntries(this.ports)),
    };
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.port('gateway')}`;
  }

  port(service: ServiceName): number {
    const port = this.ports.get(service);
    if (port === undefined) throw new Error(`${service} has no port in this stack`);
    return port;
  }

  /** Environment a process of this stack runs with. */
  environment(service: ServiceName, overrides: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
    const subgraphUrls = Object.fromEntries(DOMAIN_SERVICE_NAMES.map((s) => [serviceEnvName(s, 'URL'), `http://127.0.0.1:${this.port(s)}/graphql`]));
    return {
      ...harnessEnv.inherited(),
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      HOST: '127.0.0.1',
      PORT: String(this.port(service)),
      SUPERGRAPH_PATH: join(PROJECT_ROOT, 'generated', 'supergraph.graphql'),
      ...FAST_TEST_TIMINGS,
      ...subgraphUrls,
      ...this.extraEnv,
      ...overrides,
    };
  }

  /** Starts one process of a service and waits until it reports ready. */
  async startProcess(
    service: ServiceName,
    options: { id?: string; role?: 'api' | 'worker' | 'all'; env?: Readonly<Record<string, string>>; readyTimeoutMs?: number } = {},
  ): Promise<RunningProcess> {
    const id = options.id ?? service;
    const port = options.id && options.id !== service ? await freePort() : this.port(service);
    const env = this.environment(service, { ROLE: options.role ?? 'all', PORT: String(port), ...options.env });
    return this.spawnProcess(id, [service], port, join('apps', service, 'src', 'main.js'), env, options.readyTimeoutMs);
  }

  /** Starts the one process that hosts `services` (scripts/run-services), each on its own port, and waits until every one is ready. */
  async startHost(services: readonly ServiceName[]): Promise<RunningProcess> {
    const ports = Object.fromEntries(services.map((service) => [serviceEnvName(service, 'PORT'), String(this.port(service))]));
    const env = this.environment('gateway', { ROLE: 'all', SERVICES: services.join(','), ...ports });
    delete env.PORT;
    const running = await this.spawnProcess(
      HOST_PROCESS_ID,
      services,
      this.port(services.includes('gateway') ? 'gateway' : services[0]),
      join('scripts', 'run-services.js'),
      env,
    );
    for (const service of services) await this.waitReady({ ...running, port: this.port(service) });
    return running;
  }

  /** The processes that run any of `services`: one per service, or the one host. */
  processesRunning(services: readonly ServiceName[]): RunningProcess[] {
    return [...this.processes.values()].filter((running) => running.services.some((service) => services.includes(service)));
  }

  /** Kills (or drains) a process and starts it again as it was started: a crash and the supervisor's restart. */
  async restartProcess(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<RunningProcess> {
    const running = this.processes.get(id);
    if (!running) throw new Error(`no process ${id} in this stack`);
    await this.stopProcess(id, signal);
    return id === HOST_PROCESS_ID ? this.startHost(running.services) : this.startProcess(running.services[0], { id });
  }

  private async spawnProcess(
    id: string,
    services: readonly ServiceName[],
    port: number,
    entry: string,
    env: NodeJS.ProcessEnv,
    readyTimeoutMs?: number,
  ): Promise<RunningProcess> {
    const logFile = join(this.logDir, `${id}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [...harnessEnv.nodeArgs(), join(PROJECT_ROOT, 'dist', entry)], { cwd: PROJECT_ROOT, env, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const running: RunningProcess = { id, services, port, child, logFile, exited };
    this.processes.set(id, running);
    await this.waitReady(running, readyTimeoutMs);
    return running;
  }

  /** SIGTERM (drain) or SIGKILL (crash) one process and wait for it to exit. */
  async stopProcess(id: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const running = this.processes.get(id);
    if (!running) return null;
    this.processes.delete(id);
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill(signal);
    return running.exited;
  }

  /** Direct read access to the stack's database, for assertions on every service's schema. */
  db(): Pool {
    if (!this.pool) {
      this.pool = testPool({ url: this.databaseUrl, max: 4 });
    }
    return this.pool;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((id) => this.stopProcess(id, 'SIGTERM')));
    await this.pool?.end();
    if (!harnessEnv.keepDatabase()) await dropDatabase(this.database);
  }

  private async waitReady(running: RunningProcess, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitCode: number | null | undefined;
    void running.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) break;
      try {
        const response = await fetch(`http://127.0.0.1:${running.port}/health/ready`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const tail = readFileSync(running.logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`${running.id} did not become ready (${exitCode !== undefined ? `exited ${exitCode}` : 'timeout'}):\n${tail}`);
  }
}
