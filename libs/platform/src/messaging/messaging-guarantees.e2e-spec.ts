import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { deadLetterQueueName, eventQueueName } from '@shopops/contracts';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import type { Pool } from 'pg';
import { createDatabase, databaseUrl, dropDatabase, eventually, freePort, PROJECT_ROOT, testPool, uniqueName } from '@shopops/testing';
import { ProbeBatched, ProbeModule, ProbeRecorded, ProbeTables1700000000001, type ProbePayload } from '../../../testing/src/probe/probe.module';
import { loadPlatformConfig } from '../config/platform-config';
import { RequestContext } from '../context/request-context';
import { createDataSource, migrate } from '../database/data-source';
import { UnitOfWork } from '../database/unit-of-work';
import { createRootLogger } from '../logging/logger';
import type { DeadLetter } from './dead-letters';
import { MessagingRetention } from './messaging-retention';
import { OutboxRelay } from './outbox-relay';

const TEST_TIMINGS = { JOB_ATTEMPTS: '4', JOB_BACKOFF_MS: '100', JOB_LOCK_MS: '2000', JOB_STALLED_CHECK_MS: '1000', OUTBOX_POLL_MS: '200' };

describe('messaging guarantees (real PostgreSQL and Redis)', () => {
  let database: string;
  let db: Pool;
  const prefix = `probe${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

  function environment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      ...TEST_TIMINGS,
      ...overrides,
    };
  }

  async function startProbe(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
    const config = loadPlatformConfig('catalog', environment(overrides), []);
    const app = await NestFactory.createApplicationContext(ProbeModule.forRoot(config), { logger: false });
    await app.init();
    return app;
  }

  async function emitProbe(app: INestApplicationContext, payload: ProbePayload): Promise<void> {
    await app.get(UnitOfWork).run(RequestContext.system(), async (tx) => {
      await tx.em.query('INSERT INTO probe_change (key) VALUES ($1)', [payload.key]);
      tx.emit(ProbeRecorded, payload);
    });
  }

  /** Several probes from one transaction, so the relay publishes them together and a batch forms. */
  async function emitProbes(app: INestApplicationContext, event: typeof ProbeRecorded, payloads: ProbePayload[]): Promise<void> {
    await app.get(UnitOfWork).run(RequestContext.system(), async (tx) => {
      for (const payload of payloads) tx.emit(event, payload);
    });
  }

  const count = async (table: 'probe_attempt' | 'probe_effect' | 'probe_change', key: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM catalog.${table} WHERE key = $1`, [key])).rows[0].n;

  async function withQueue<T>(name: string, work: (queue: Queue) => Promise<T>, url = redisUrl): Promise<T> {
    const connection = new IORedis(url, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection, prefix });
    try {
      return await work(queue);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }

  /** Waits until the catalog queue has finished the batch job that carries the probe event with this key, and says how it ended. */
  async function probeJobSettled(key: string): Promise<string> {
    const jobId = await batchOf([key]);
    return withQueue(eventQueueName('catalog'), (queue) =>
      eventually(
        () => queue.getJobState(jobId),
        (state) => state === 'completed' || state === 'failed',
        { timeoutMs: 30_000, what: `the job of ${key} to finish` },
      ),
    );
  }

  /** The one batch job the relay published the probe events with these keys in. */
  async function batchOf(keys: string[]): Promise<string> {
    const published = await eventually(
      async () => (await db.query<{ job_id: string | null }>(`SELECT job_id FROM catalog.outbox WHERE payload->>'key' = ANY($1::text[])`, [keys])).rows,
      (rows) => rows.length === keys.length && rows.every((r) => r.job_id !== null),
      { what: `the events of ${keys[0]}… published` },
    );
    const jobs = [...new Set(published.map((r) => r.job_id!))];
    expect(jobs).toHaveLength(1);
    return jobs[0];
  }

  const deadLetters = (): Promise<DeadLetter[]> =>
    withQueue(deadLetterQueueName(eventQueueName('catalog')), async (queue) => (await queue.getJobs(['waiting'])).map((job) => job.data as DeadLetter));

  beforeAll(async () => {
    createRootLogger('probe', 'silent');
    database = await createDatabase(uniqueName('shopops_probe'));
    await migrate(
      createDataSource({
        url: databaseUrl(database),
        schema: 'catalog',
        poolSize: 1,
        entities: [],
        migrations: [ProbeTables1700000000001],
        applicationName: 'probe-migrate',
      }),
      'catalog',
    );
    db = testPool({ url: databaseUrl(database), max: 2 });
  });

  afterAll(async () => {
    await db.end();
    await dropDatabase(database);
  });

  describe('with a worker in this process', () => {
    let app: INestApplicationContext;
    beforeAll(async () => (app = await startProbe({ ROLE: 'all' })));
    afterAll(async () => app.close());

    it('retries a handler that throws once; its effect happens exactly once', async () => {
      await emitProbe(app, { key: 'fail-once', behaviour: 'fail-once' });
      expect(await probeJobSettled('fail-once')).toBe('completed');
      expect(await count('probe_attempt', 'fail-once')).toBe(2);
      expect(await count('probe_effect', 'fail-once')).toBe(1);
    });

    it('dead-letters a payload that always fails, with its reason, after the configured attempts', async () => {
      await emitProbe(app, { key: 'doomed', behaviour: 'always-fail' });
      const letter = await eventually(async () => (await deadLetters()).find((l) => (l.data as { payload: ProbePayload }).payload.key === 'doomed'), Boolean, {
        what: 'a dead letter',
      });
      expect(letter).toMatchObject({ reason: 'probe always fails', attemptsMade: 4, jobName: ProbeRecorded.type });
      expect(await count('probe_attempt', 'doomed')).toBe(4);
      expect(await count('probe_effect', 'doomed')).toBe(0);
    });

    it('dead-letters only the poison event of a batch, with its reason; its neighbours commit once', async () => {
      const neighbours = Array.from({ length: 12 }, (_, i) => `neighbour-${i}`);
      const ok = (key: string): ProbePayload => ({ key, behaviour: 'ok' });
      await emitProbes(app, ProbeBatched, [...neighbours.slice(0, 6).map(ok), { key: 'poison', behaviour: 'always-fail' }, ...neighbours.slice(6).map(ok)]);
      const letter = await eventually(async () => (await deadLetters()).find((l) => (l.data as { payload: ProbePayload }).payload.key === 'poison'), Boolean, {
        what: 'the poison event in the dead letters',
      });
      expect(letter).toMatchObject({ reason: 'probe always fails', attemptsMade: 4, jobName: ProbeBatched.type });
      await eventually(
        async () => Promise.all(neighbours.map((key) => count('probe_effect', key))),
        (effects) => effects.every((n) => n > 0),
        { what: 'every neighbour committed' },
      );
      expect(await Promise.all(neighbours.map((key) => count('probe_effect', key)))).toEqual(neighbours.map(() => 1));
      expect(await count('probe_effect', 'poison')).toBe(0);
      const lettered = (await deadLetters()).map((l) => (l.data as { payload: ProbePayload }).payload.key);
      expect(lettered.filter((key) => key === 'poison' || neighbours.includes(key))).toEqual(['poison']);
    });

    it('dead-letters the one poison event of a relayed batch of 200 alone; the other 199 take effect once', async () => {
      const keys = Array.from({ length: 200 }, (_, i) => `crowd-${i}`);
      const poison = keys[137];
      await emitProbes(
        app,
        ProbeRecorded,
        keys.map((key) => ({ key, behaviour: key === poison ? 'always-fail' : 'ok' })),
      );
      // One job carries the whole batch to the consumer (and @OnEvent handlers take it in one transaction).
      const jobId = await batchOf(keys);
      const settled = await withQueue(eventQueueName('catalog'), (queue) =>
        eventually(
          () => queue.getJobState(jobId),
          (state) => state === 'completed' || state === 'failed',
          { timeoutMs: 30_000, what: 'the batch job to finish' },
        ),
      );
      expect(settled).toBe('completed');
      const lettered = (await deadLetters()).filter((l) => keys.includes((l.data as { payload: ProbePayload }).payload.key));
      expect(lettered).toHaveLength(1);
      expect(lettered[0]).toMatchObject({ reason: 'probe always fails', attemptsMade: 4, jobName: ProbeRecorded.type });
      expect((lettered[0].data as { payload: ProbePayload }).payload.key).toBe(poison);
      const effects = await db.query<{ key: string; n: number }>(
        `SELECT key, count(*)::int AS n FROM catalog.probe_effect WHERE key LIKE 'crowd-%' GROUP BY key`,
      );
      expect(new Map(effects.rows.map((r) => [r.key, r.n]))).toEqual(new Map(keys.filter((k) => k !== poison).map((k) => [k, 1])));
    });

    it('runs an event that lost deadlocks again without spending its attempts, batched or not', async () => {
      // Six lost deadlocks against four attempts: only retries that cost no attempt get it through.
      await emitProbes(app, ProbeBatched, [{ key: 'deadlocked-batch', behaviour: 'deadlock', deadlocks: 6 }]);
      await emitProbes(app, ProbeRecorded, [{ key: 'deadlocked-single', behaviour: 'deadlock', deadlocks: 6 }]);
      for (const key of ['deadlocked-batch', 'deadlocked-single']) {
        await eventually(
          () => count('probe_effect', key),
          (n) => n === 1,
          { what: `${key} committed after its deadlocks` },
        );
        expect(await count('probe_attempt', key)).toBe(7);
      }
      const lettered = (await deadLetters()).map((l) => (l.data as { payload: ProbePayload }).payload.key);
      expect(lettered.filter((key) => key.startsWith('deadlocked'))).toEqual([]);
    });

    it('dead-letters a malformed payload at once, naming the broken field', async () => {
      await db.query(`INSERT INTO catalog.outbox (event_id, type, payload) VALUES ($1, $2, $3)`, [
        randomUUID(),
        ProbeRecorded.type,
        JSON.stringify({ key: 'malformed', behaviour: 'explode' }),
      ]);
      const letter = await eventually(
        async () => (await deadLetters()).find((l) => (l.data as { payload: { key: string } }).payload.key === 'malformed'),
        Boolean,
        { what: 'a dead letter for the malformed payload' },
      );
      expect(letter?.reason).toMatch(/^malformed testing\.probe\.recorded\.v1 payload: behaviour must be one of/);
      expect(letter?.attemptsMade).toBe(1);
      expect(await count('probe_attempt', 'malformed')).toBe(0);
    });

    it('replays dead letters with the ops CLI once the cause is fixed', async () => {
      await emitProbe(app, { key: 'fixable', behaviour: 'fail-until-fixed' });
      const ops = async (...args: string[]) =>
        JSON.parse(
          (await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist', 'scripts', 'ops.js'), ...args, '--json'], { env: environment() })).stdout,
        );
      const letters = await eventually(
        async () => ((await ops('dead-letters', 'catalog')) as DeadLetter[]).filter((l) => (l.data as { payload: ProbePayload }).payload.key === 'fixable'),
        (list) => list.length === 1,
        { what: 'the dead letter in the ops listing' },
      );
      expect(letters[0].reason).toBe('probe is broken until fixed');
      await db.query('INSERT INTO catalog.probe_fix (key) VALUES ($1)', ['fixable']);
      expect(await ops('retry', 'catalog-events', letters[0].jobId)).toEqual({ queue: 'catalog-events', replayed: 1 });
      await eventually(
        () => count('probe_effect', 'fixable'),
        (n) => n === 1,
        { what: 'the effect after the replay' },
      );
      const remaining = (await ops('dead-letters', 'catalog')) as DeadLetter[];
      expect(remaining.filter((l) => (l.data as { payload: ProbePayload }).payload.key === 'fixable')).toEqual([]);
    });

    it('prunes acknowledged outbox rows after a week and inbox rows after a month, keeping recent and unacknowledged ones', async () => {
      const [old, recent, unacknowledged] = [randomUUID(), randomUUID(), randomUUID()];
      await db.query(
        `INSERT INTO catalog.outbox (event_id, type, payload, published_at, acknowledged_at) VALUES
           ($1, 'x.old.v1', '{}', now() - interval '8 days', now() - interval '8 days'), ($2, 'x.recent.v1', '{}', now() - interval '6 days', now() - interval '6 days'),
           ($3, 'x.unacknowledged.v1', '{}', now() - interval '8 days', NULL)`,
        [old, recent, unacknowledged],
      );
      await db.query(
        `INSERT INTO catalog.inbox (consumer, event_id, event_type, processed_at) VALUES ('probe', $1, 'x', now() - interval '31 days'), ('probe', $2, 'x', now() - interval '29 days')`,
        [old, recent],
      );
      await app.get(MessagingRetention).pruneMessagingTables(RequestContext.system());
      const outbox = await db.query(`SELECT event_id FROM catalog.outbox WHERE event_id = ANY($1::uuid[]) ORDER BY type`, [[old, recent, unacknowledged]]);
      expect(outbox.rows.map((r) => r.event_id)).toEqual([recent, unacknowledged]);
      const inbox = await db.query(`SELECT event_id FROM catalog.inbox WHERE consumer = 'probe'`);
      expect(inbox.rows.map((r) => r.event_id)).toEqual([recent]);
    });

    it('gives a redelivered event no second effect (inbox)', async () => {
      const envelope = {
        id: randomUUID(),
        type: ProbeRecorded.type,
        producer: 'catalog',
        occurredAt: new Date().toISOString(),
        payload: { key: 'twice', behaviour: 'ok' },
      };
      await withQueue(eventQueueName('catalog'), async (queue) => {
        await queue.add(ProbeRecorded.type, envelope, { jobId: 'twice-a' });
        await queue.add(ProbeRecorded.type, envelope, { jobId: 'twice-b' });
        await eventually(
          async () => [await queue.getJobState('twice-a'), await queue.getJobState('twice-b')],
          (states) => states.every((state) => state === 'completed'),
          { what: 'both deliveries completed' },
        );
      });
      expect(await count('probe_effect', 'twice')).toBe(1);
      expect(await count('probe_attempt', 'twice')).toBe(1);
    });
  });

  async function spawnWorker(): Promise<ChildProcess> {
    const port = await freePort();
    // Test code is not in the build: the probe runs from its sources.
    const fromSource = ['-r', join(PROJECT_ROOT, 'libs', 'testing', 'swc-require-hook.js')];
    const child = spawn(process.execPath, [...fromSource, join(PROJECT_ROOT, 'libs', 'testing', 'src', 'probe', 'probe-main.ts')], {
      env: environment({ ROLE: 'worker', PORT: String(port) }),
      stdio: 'ignore',
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, Boolean, { what: 'probe worker ready' });
    return child;
  }

  it('drains on SIGTERM: the job in flight finishes before the worker exits, once', async () => {
    const producer = await startProbe({ ROLE: 'api' });
    const worker = await spawnWorker();
    try {
      await emitProbe(producer, { key: 'drain', behaviour: 'slow', sleepMs: 1500 });
      await eventually(
        () => count('probe_attempt', 'drain'),
        (n) => n === 1,
        { what: 'the job to start' },
      );
      const exited = new Promise<number | null>((resolve) => worker.once('exit', (code) => resolve(code)));
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await count('probe_effect', 'drain')).toBe(1);
      expect(await count('probe_attempt', 'drain')).toBe(1);
    } finally {
      worker.kill('SIGKILL');
      await producer.close();
    }
  });

  it('finishes an event whose worker was killed mid-job, exactly once', async () => {
    const producer = await startProbe({ ROLE: 'api' });
    let worker = await spawnWorker();
    try {
      await emitProbe(producer, { key: 'crash', behaviour: 'slow', sleepMs: 3000 });
      await eventually(
        () => count('probe_attempt', 'crash'),
        (n) => n === 1,
        { what: 'the first attempt to start' },
      );
      worker.kill('SIGKILL');
      expect(await count('probe_effect', 'crash')).toBe(0);
      worker = await spawnWorker();
      expect(await probeJobSettled('crash')).toBe('completed');
      expect(await count('probe_effect', 'crash')).toBe(1);
      expect(await count('probe_attempt', 'crash')).toBe(2);
    } finally {
      worker.kill('SIGKILL');
      await producer.close();
    }
  });

  /** A Redis of the test's own without persistence, as on these machines, so it can be killed. */
  const startRedis = (port: number): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      redis.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve(redis));
      redis.once('error', reject);
    });
  const stopRedis = (redis: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> =>
    new Promise((done) => (redis.exitCode !== null || redis.signalCode !== null ? done() : (redis.once('exit', () => done()), redis.kill(signal))));
  /** kill -9 and a fresh start on the same port: every job and schedule it held is gone. */
  const crashRedis = async (redis: ChildProcess, port: number): Promise<ChildProcess> => {
    await stopRedis(redis, 'SIGKILL');
    return startRedis(port);
  };

  it('keeps events in the outbox while Redis is down and delivers them when it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const app = await startProbe({ ROLE: 'all', REDIS_URL: `redis://127.0.0.1:${port}` });
    try {
      await stopRedis(redis);
      await emitProbe(app, { key: 'outage', behaviour: 'ok' });
      // Awaits a relay pass of its own that claimed rows (not one the relay loop holds): with Redis away it is refused.
      const relay = app.get(OutboxRelay);
      const outcome = await eventually(
        () =>
          relay.relayBatch().then(
            (relayed) => String(relayed),
            (error: Error) => `refused: ${error.message}`,
          ),
        (result) => result !== '0',
        { what: 'a relay pass over the new row' },
      );
      expect(outcome).toMatch(/^refused: /);
      const pending = await db.query(`SELECT published_at FROM catalog.outbox WHERE payload->>'key' = 'outage'`);
      expect(pending.rows).toEqual([{ published_at: null }]);
      expect(await count('probe_change', 'outage')).toBe(1);
      redis = await startRedis(port);
      await eventually(
        () => count('probe_effect', 'outage'),
        (n) => n === 1,
        { timeoutMs: 40_000, what: 'delivery after Redis came back' },
      );
      const published = await db.query(`SELECT published_at FROM catalog.outbox WHERE payload->>'key' = 'outage'`);
      expect(published.rows[0].published_at).not.toBeNull();
    } finally {
      await app.close();
      await stopRedis(redis);
    }
  });

  describe('when Redis is killed and restarts without its data', () => {
    let port: number;
    let redis: ChildProcess;
    let app: INestApplicationContext;
    const outboxRow = async (key: string) =>
      (await db.query(`SELECT published_at, acknowledged_at, deliver_at FROM catalog.outbox WHERE payload->>'key' = $1`, [key])).rows[0] as
        { published_at: Date | null; acknowledged_at: Date | null; deliver_at: Date | null } | undefined;

    beforeAll(async () => {
      port = await freePort();
      redis = await startRedis(port);
      app = await startProbe({
        ROLE: 'all',
        REDIS_URL: `redis://127.0.0.1:${port}`,
        WORKER_CONCURRENCY: '1',
        // Small batches, so one acknowledgement check reads a lost job's rows only in part.
        OUTBOX_BATCH_SIZE: '4',
        OUTBOX_ACK_CHECK_MS: '500',
        SCHEDULE_CHECK_MS: '300',
      });
    });
    afterAll(async () => {
      await app.close();
      await stopRedis(redis);
    });

    it('publishes again the events the queue lost, each handled once, and then acknowledges them', async () => {
      await emitProbe(app, { key: 'blocker', behaviour: 'slow', sleepMs: 1500 });
      await eventually(
        () => count('probe_attempt', 'blocker'),
        (n) => n === 1,
        { what: 'the blocking job to start' },
      );
      const keys = ['lost-1', 'lost-2', 'lost-3', 'lost-4', 'lost-5', 'lost-6'];
      // Two transactions of three: batches of at most four straddle them.
      await emitProbes(
        app,
        ProbeRecorded,
        keys.slice(0, 3).map((key) => ({ key, behaviour: 'ok' as const })),
      );
      await emitProbes(
        app,
        ProbeRecorded,
        keys.slice(3).map((key) => ({ key, behaviour: 'ok' as const })),
      );
      // Published to Redis, waiting behind the blocker (one job at a time): then Redis loses them.
      await eventually(
        async () => Promise.all(keys.map(outboxRow)),
        (rows) => rows.every((r) => r?.published_at),
        { what: 'the events published' },
      );
      redis = await crashRedis(redis, port);
      for (const key of keys)
        await eventually(
          () => count('probe_effect', key),
          (n) => n === 1,
          { timeoutMs: 30_000, what: `${key} delivered again` },
        );
      const rows = await eventually(
        async () => Promise.all(keys.map(outboxRow)),
        (all) => all.every((r) => r?.acknowledged_at),
        { what: 'the outbox rows acknowledged' },
      );
      expect(rows).toHaveLength(6);
      for (const key of keys) expect(await count('probe_effect', key)).toBe(1);
    }, 60_000);

    it('keeps a timer in PostgreSQL until it is due, so a Redis restart before then does not lose it', async () => {
      await app.get(UnitOfWork).run(RequestContext.system(), async (tx) => {
        tx.emit(ProbeRecorded, { key: 'timer', behaviour: 'ok' }, { delayMs: 2000 });
      });
      // Once an event emitted after the timer is handled, the relay has passed the timer's row.
      await emitProbe(app, { key: 'after-timer', behaviour: 'ok' });
      await eventually(
        () => count('probe_effect', 'after-timer'),
        (n) => n === 1,
        { what: 'the later event handled' },
      );
      redis = await crashRedis(redis, port);
      await eventually(
        () => count('probe_effect', 'timer'),
        (n) => n === 1,
        { timeoutMs: 30_000, what: 'the timer to fire' },
      );
      const { rows } = await db.query(`SELECT min(at) AS at FROM catalog.probe_attempt WHERE key = 'timer'`);
      const row = await outboxRow('timer');
      expect(row?.deliver_at).not.toBeNull();
      expect((rows[0].at as Date).getTime()).toBeGreaterThanOrEqual((row?.deliver_at as Date).getTime());
    }, 60_000);

    it('registers again the schedules Redis forgot, while running', async () => {
      const schedules = () =>
        withQueue(eventQueueName('catalog'), async (queue) => (await queue.getJobSchedulers()).map((s) => s.key), `redis://127.0.0.1:${port}`);
      expect(await schedules()).toContain('platform.messaging-retention');
      redis = await crashRedis(redis, port);
      const restored = await eventually(schedules, (keys) => keys.includes('platform.messaging-retention'), {
        timeoutMs: 15_000,
        what: 'the schedule restored',
      });
      expect(restored).toEqual(['platform.messaging-retention']);
      // And the worker takes jobs from the restarted Redis again.
      await emitProbe(app, { key: 'after-restart', behaviour: 'ok' });
      await eventually(
        () => count('probe_effect', 'after-restart'),
        (n) => n === 1,
        { timeoutMs: 20_000, what: 'a job handled after the restart' },
      );
    }, 30_000);
  });
});
