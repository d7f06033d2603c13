import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { defineEvent, type EventEnvelope } from '@shopops/contracts';
import { OnEvent, OnEventBatch, PlatformModule, type PlatformConfig, type TransactionContext } from '@shopops/platform';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A minimal service on the real platform, for proving the messaging guarantees: it records every
 * attempt outside the transaction and its effect inside it, and misbehaves on request.
 */
export class ProbePayload {
  @IsString() key!: string;
  @IsIn(['ok', 'fail-once', 'always-fail', 'fail-until-fixed', 'slow', 'deadlock']) behaviour!:
    'ok' | 'fail-once' | 'always-fail' | 'fail-until-fixed' | 'slow' | 'deadlock';
  @IsOptional() @IsInt() sleepMs?: number;
  /** For `deadlock`: how many attempts lose a deadlock before one goes through. */
  @IsOptional() @IsInt() deadlocks?: number;
}

export const ProbeRecorded = defineEvent('testing.probe.recorded.v1', 'catalog', ProbePayload);
/** The same probe, handled by a batched handler. */
export const ProbeBatched = defineEvent('testing.probe.batched.v1', 'catalog', ProbePayload);

export class ProbeTables1700000000001 implements MigrationInterface {
  name = 'ProbeTables1700000000001';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE probe_attempt (id bigserial PRIMARY KEY, key text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE TABLE probe_effect (key text NOT NULL, event_id uuid NOT NULL)`);
    await queryRunner.query(`CREATE TABLE probe_change (key text PRIMARY KEY)`);
    await queryRunner.query(`CREATE TABLE probe_fix (key text PRIMARY KEY)`);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE probe_fix, probe_change, probe_effect, probe_attempt`);
  }
}

@Injectable()
export class ProbeHandler {
  constructor(private readonly dataSource: DataSource) {}

  @OnEvent(ProbeRecorded)
  async recordProbe(tx: TransactionContext, event: EventEnvelope<ProbePayload>): Promise<void> {
    await this.recordOne(tx, event);
  }

  @OnEventBatch(ProbeBatched)
  async recordProbes(tx: TransactionContext, events: Array<EventEnvelope<ProbePayload>>): Promise<void> {
    for (const event of events) await this.recordOne(tx, event);
  }

  private async recordOne(tx: TransactionContext, event: EventEnvelope<ProbePayload>): Promise<void> {
    const { key, behaviour, sleepMs } = event.payload;
    // Outside the transaction on purpose: attempts survive the rollback of a failed one.
    await this.dataSource.query('INSERT INTO probe_attempt (key) VALUES ($1)', [key]);
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM probe_attempt WHERE key = $1', [key]);
    if (behaviour === 'fail-once' && n === 1) throw new Error('probe failed on purpose (first attempt)');
    if (behaviour === 'deadlock' && n <= (event.payload.deadlocks ?? 1)) {
      await tx.em.query(`DO $$ BEGIN RAISE EXCEPTION 'probe lost a deadlock on purpose' USING ERRCODE = 'deadlock_detected'; END $$`);
    }
    if (behaviour === 'always-fail') throw new Error('probe always fails');
    if (behaviour === 'fail-until-fixed') {
      const fixed = await this.dataSource.query('SELECT 1 FROM probe_fix WHERE key = $1', [key]);
      if (fixed.length === 0) throw new Error('probe is broken until fixed');
    }
    await tx.em.query('INSERT INTO probe_effect (key, event_id) VALUES ($1, $2)', [key, event.id]);
    if (behaviour === 'slow') await new Promise((resolve) => setTimeout(resolve, sleepMs ?? 3000));
  }
}

@Module({})
export class ProbeModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ProbeModule,
      imports: [
        PlatformModule.forService(config, {
          entities: [],
          migrations: [ProbeTables1700000000001],
          subgraph: false,
          subscriptions: { catalog: [ProbeRecorded, ProbeBatched] },
        }),
      ],
      providers: [ProbeHandler],
    };
  }
}
