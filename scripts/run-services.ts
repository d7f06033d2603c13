/**
 * One process hosting any set of the suite's services: `SERVICES=all` (the default) or a comma
 * list such as `SERVICES=catalog,inventory`. Each service runs in a worker thread of its own —
 * its own Nest application, GraphQL schema, port (`<SERVICE>_PORT`, else its default), database
 * pool, queues and metrics, exactly as in a process of its own — and events still travel over
 * the Redis queues, so any service can move to its own process without a change. Threads, not one
 * shared module graph: GraphQL type metadata is per JavaScript realm, and two services define
 * types of the same name (catalog's and inventory's `Sku`).
 *
 * SIGTERM/SIGINT drains the gateway first (its in-flight requests still call the subgraphs), then
 * the rest, and exits 0 once every service drained cleanly. A service that stops on its own stops
 * the whole process with exit code 1, for the supervisor to restart.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isServiceName, SERVICE_NAMES, SERVICES, type ServiceName } from '@shopops/contracts';
import { DRAIN_MESSAGE, serviceEnvName } from '@shopops/platform';

/** The services `SERVICES` names, in start order: the gateway last. */
export function hostedServices(value = 'all'): ServiceName[] {
  const names = value.trim() === 'all' ? [...SERVICE_NAMES] : value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`SERVICES: expected "all" or a comma list of ${SERVICE_NAMES.join(', ')}; got ${JSON.stringify(value)}`);
  }
  const chosen = new Set(names as ServiceName[]);
  return [...SERVICE_NAMES.filter((name) => name !== 'gateway' && chosen.has(name)), ...(chosen.has('gateway') ? (['gateway'] as const) : [])];
}

/** A service's environment in the shared process: the process's, with the service's own port as PORT. */
export function hostedEnvironment(service: ServiceName, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PORT: env[serviceEnvName(service, 'PORT')] ?? String(SERVICES[service].defaultPort) };
}

const log = (message: string): void =>
  void process.stdout.write(`${JSON.stringify({ level: 30, time: new Date().toISOString(), service: 'host', pid: process.pid, msg: message })}\n`);

interface HostedThread {
  readonly service: ServiceName;
  readonly worker: Worker;
  readonly exited: Promise<number>;
}

function host(): void {
  let services: ServiceName[];
  try {
    services = hostedServices(process.env.SERVICES);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const threads: HostedThread[] = services.map((service) => {
    // The service's own entry point, as its own process would run it.
    const worker = new Worker(join(__dirname, '..', 'apps', service, 'src', 'main.js'), { env: hostedEnvironment(service, process.env) });
    worker.on('error', (error) => log(`${service} failed: ${error.stack ?? error.message}`));
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    void exited.then((code) => {
      if (stopping) return;
      log(`${service} stopped (${code}); stopping the process`);
      void stop(1);
    });
    return { service, worker, exited };
  });

  /** The gateway first, then every other service at once; exit 0 only if each drained cleanly. */
  async function stop(code: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    // Each service cuts its own drain off after SHUTDOWN_TIMEOUT_MS; this catches one that never got to listen for it.
    setTimeout(
      () => {
        log('a service did not stop in time; exiting');
        process.exit(1);
      },
      Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000) + 5_000,
    ).unref();
    const stages = [threads.filter((t) => t.service === 'gateway'), threads.filter((t) => t.service !== 'gateway')];
    const failed: string[] = [];
    for (const stage of stages) {
      for (const thread of stage) thread.worker.postMessage(DRAIN_MESSAGE);
      const codes = await Promise.all(stage.map((thread) => thread.exited));
      stage.forEach((thread, i) => codes[i] !== 0 && failed.push(`${thread.service} (${codes[i]})`));
    }
    if (failed.length > 0) log(`did not drain cleanly: ${failed.join(', ')}`);
    process.exit(failed.length > 0 || code !== 0 ? 1 : 0);
  }
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return log(`${signal}: already draining`);
    log(`${signal}: draining the gateway, then ${services.filter((s) => s !== 'gateway').join(', ')}`);
    void stop(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  log(`hosting ${services.join(', ')} in one process`);
}

if (require.main === module) host();
