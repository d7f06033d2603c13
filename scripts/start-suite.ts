/**
 * `npm start`: the whole suite on one machine. Checks that its ports are free, checks PostgreSQL
 * and Redis, creates the database and schemas, migrates, starts every service (api + worker)
 * and the gateway — all in one process by default (`TOPOLOGY=one-process`, what a small machine
 * wants), or one process per service (`TOPOLOGY=per-service`, production's layout) — and loads
 * demo data into an empty database. Ctrl-C (or SIGTERM) drains everything and exits 0 once
 * every service has drained.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DOMAIN_SERVICE_NAMES, SERVICE_NAMES, SERVICES, type ServiceName } from '@shopops/contracts';
import { loadConnectionConfig, migrateServices, serviceEnvName } from '@shopops/platform';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { SUITE_MIGRATIONS } from '../apps/migrations';
import { seedDemoIfEmpty } from './seed-demo';

const root = join(__dirname, '..', '..');
const { databaseUrl, redisUrl } = loadConnectionConfig(process.env);
const log = (message: string): void => void process.stdout.write(`[shopops] ${message}\n`);
/** Shifts every port, to run a second suite beside one on the defaults (tests do). */
const portOffset = Number(process.env.PORT_OFFSET ?? 0);
const portOf = (service: ServiceName): number => SERVICES[service].defaultPort + portOffset;
/** The address every service listens on (their HOST default). */
const listenHost = process.env.HOST || '0.0.0.0';
const topology = process.env.TOPOLOGY ?? 'one-process';
const subgraphUrls = Object.fromEntries(DOMAIN_SERVICE_NAMES.map((s) => [serviceEnvName(s, 'URL'), `http://127.0.0.1:${portOf(s)}/graphql`]));

/** Why `port` cannot be listened on (e.g. EADDRINUSE), or undefined when it is free. */
function portRefusal(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    probe.listen({ port, host: listenHost, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

/** A port taken by another process (often a suite already running) would answer our readiness probes. */
async function checkPortsFree(): Promise<void> {
  const taken: string[] = [];
  for (const service of SERVICE_NAMES) {
    const refusal = await portRefusal(portOf(service));
    if (refusal) taken.push(`port ${portOf(service)} (${service}) is ${refusal === 'EADDRINUSE' ? 'already in use' : `not available: ${refusal}`}`);
  }
  if (taken.length) {
    throw new Error(`${taken.join('; ')}.\n  Stop what listens there (another npm start?), or shift every port with PORT_OFFSET, e.g. PORT_OFFSET=100.`);
  }
}

async function checkPostgres(): Promise<void> {
  const target = new URL(databaseUrl);
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${target.host} (${error instanceof Error ? error.message : String(error)}).\n` +
        `  Start it, e.g.: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or point DATABASE_URL at a running server.`,
    );
  }
  try {
    const name = target.pathname.slice(1);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`refusing to create database with unusual name "${name}"`);
      await client.query(`CREATE DATABASE ${name}`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function checkRedis(): Promise<void> {
  const redis = new IORedis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis does not answer at ${redisUrl} (${error instanceof Error ? error.message : String(error)}).\n` +
        `  Start it, e.g.: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
        `  or point REDIS_URL at a running server.`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Runs `entry` (under dist/) as a child with the suite's environment; its exit stops the suite unless the suite is stopping. */
function startChild(label: string, entry: string, env: Readonly<Record<string, string>>): void {
  if (stopping) return;
  const child = spawn(process.execPath, [join(root, 'dist', entry)], {
    cwd: root,
    env: { ...process.env, ...subgraphUrls, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, ROLE: process.env.ROLE ?? 'all', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) {
        log(`${label} exited (${signal ?? code}); stopping the suite`);
        void stop(1);
      }
      resolve(code);
    }),
  );
  children.push({ label, child, exited });
}

function startService(service: ServiceName): void {
  startChild(service, join('apps', service, 'src', 'main.js'), { PORT: String(portOf(service)) });
}

/** Every service in one process (scripts/run-services), each on its own port. */
function startOneProcess(): void {
  const ports = Object.fromEntries(SERVICE_NAMES.map((service) => [serviceEnvName(service, 'PORT'), String(portOf(service))]));
  startChild('the suite process', join('scripts', 'run-services.js'), { SERVICES: 'all', ...ports });
}

async function waitReady(service: ServiceName, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${portOf(service)}/health/ready`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} did not become ready on :${portOf(service)} within ${timeoutMs / 1000}s`);
}

interface RunningService {
  /** A service, or the process that hosts them all. */
  readonly label: string;
  readonly child: ChildProcess;
  /** The exit code; null when a signal killed it. */
  readonly exited: Promise<number | null>;
}

const children: RunningService[] = [];
let stopping = false;

/** Forwards one signal to every service, waits for all of them, and exits 0 only if each drained cleanly. */
async function stop(code: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (stopping) return;
  stopping = true;
  log('draining all services');
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  const codes = await Promise.all(children.map((running) => running.exited));
  const failed = children.flatMap((running, i) => (codes[i] === 0 ? [] : [`${running.label} (${codes[i] ?? 'killed by a signal'})`]));
  if (failed.length) log(`did not drain cleanly: ${failed.join(', ')}`);
  process.exit(failed.length || code !== 0 ? 1 : 0);
}

/** The first signal starts the drain; later ones (Ctrl-C again, a supervisor's repeat) do not cut it short. */
function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return log(`${signal}: already draining`);
  void stop(0, signal);
}

async function main(): Promise<void> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (topology !== 'one-process' && topology !== 'per-service') throw new Error(`TOPOLOGY: expected one-process or per-service, got "${topology}"`);
  await checkPortsFree();
  await checkPostgres();
  await checkRedis();
  await migrateServices(SUITE_MIGRATIONS, { ...process.env, DATABASE_URL: databaseUrl }, (line) => log(`migrate ${line}`));
  if (topology === 'one-process') {
    startOneProcess();
    await Promise.all(SERVICE_NAMES.map((service) => waitReady(service)));
  } else {
    for (const service of DOMAIN_SERVICE_NAMES) startService(service);
    await Promise.all(DOMAIN_SERVICE_NAMES.map((service) => waitReady(service)));
    startService('gateway');
    await waitReady('gateway');
  }
  const gatewayUrl = `http://127.0.0.1:${portOf('gateway')}`;
  if (process.env.DEMO_DATA !== 'off') await seedDemoIfEmpty(gatewayUrl, log);
  if (stopping) return;
  log(`ready (${topology}): GraphQL at ${gatewayUrl}/graphql, webhooks at ${gatewayUrl}/webhooks/{source}`);
  log('a token for the API: npm run --silent token -- --role admin');
}

main().catch((error: unknown) => {
  process.stderr.write(`[shopops] cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
