import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { scheduleVariableName } from '../config/platform-config';
import { RequestContext } from '../context/request-context';
import type { ScheduledFn, ScheduleMetadata } from './on-event.decorator';
import type { QueueRegistry } from './queue-registry';

const SCHEDULE_JOB_PREFIX = 'schedule:';

interface RegisteredSchedule {
  readonly metadata: ScheduleMetadata;
  readonly invoke: ScheduledFn;
}

/**
 * A service's @Scheduled methods as BullMQ job schedulers on its own queue: registered at start,
 * put back while running when Redis lost them, and run when their tick arrives as a job.
 */
export class ServiceSchedules {
  private readonly schedules = new Map<string, RegisteredSchedule>();
  private check?: NodeJS.Timeout;

  constructor(
    private readonly queues: QueueRegistry,
    private readonly queueName: string,
    private readonly serviceName: string,
    private readonly log: Logger,
    /** Cron patterns set in the environment, by `SCHEDULE_<NAME>` (validated with the platform config). */
    private readonly overrides: ReadonlyMap<string, string> = new Map(),
  ) {}

  get size(): number {
    return this.schedules.size;
  }

  add(metadata: ScheduleMetadata, invoke: ScheduledFn): void {
    if (this.schedules.has(metadata.name)) throw new Error(`Schedule ${metadata.name} is declared twice`);
    this.schedules.set(metadata.name, { metadata, invoke });
  }

  isScheduleJob(job: Job): boolean {
    return job.name.startsWith(SCHEDULE_JOB_PREFIX);
  }

  async run(job: Job, requestId: string): Promise<void> {
    const name = job.name.slice(SCHEDULE_JOB_PREFIX.length);
    const schedule = this.schedules.get(name);
    if (!schedule) throw new UnrecoverableError(`${this.serviceName} has no schedule ${name}`);
    await schedule.invoke(RequestContext.system(requestId));
  }

  /** Registers every schedule, drops the ones removed from the code, and keeps checking. */
  async start(checkEveryMs: number): Promise<void> {
    const queue = this.queues.queue(this.queueName);
    // A schedule removed from the code must stop firing, not dead-letter every tick.
    for (const scheduler of await queue.getJobSchedulers()) {
      if (scheduler.key && !this.schedules.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
    }
    for (const { metadata } of this.schedules.values()) await this.upsert(metadata);
    this.check = setInterval(() => void this.restoreMissing(), checkEveryMs);
  }

  stop(): void {
    clearInterval(this.check);
  }

  /** A Redis restarted without its data has forgotten every schedule: put back the missing ones. */
  async restoreMissing(): Promise<string[]> {
    try {
      const present = new Set((await this.queues.queue(this.queueName).getJobSchedulers()).map((s) => s.key));
      const missing = [...this.schedules.values()].filter(({ metadata }) => !present.has(metadata.name));
      for (const { metadata } of missing) await this.upsert(metadata);
      if (missing.length > 0) this.log.warn({ schedules: missing.map((s) => s.metadata.name) }, 'restored schedules missing from Redis');
      return missing.map((s) => s.metadata.name);
    } catch (error) {
      this.log.warn({ err: error }, 'could not check schedules; will retry');
      return [];
    }
  }

  private async upsert(metadata: ScheduleMetadata): Promise<void> {
    const override = this.overrides.get(scheduleVariableName(metadata.name));
    await this.queues
      .queue(this.queueName)
      .upsertJobScheduler(
        metadata.name,
        { pattern: override || metadata.cron, ...(metadata.timezone ? { tz: metadata.timezone } : {}) },
        { name: `${SCHEDULE_JOB_PREFIX}${metadata.name}`, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } } },
      );
  }
}
