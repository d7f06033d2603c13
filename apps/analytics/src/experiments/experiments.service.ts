import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsNumber, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { TRACKED_EVENT_TYPES, type TrackedEvent } from '@shopops/contracts';
import { execute, invalidField, NotFoundError, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { visitorOf } from '../store/event-store';
import { chanceToBeat, sampleRatioTest, sampleSizePerVariant, twoProportionZTest, welchTTest } from './statistics';

@InputType()
export class VariantInput {
  @Field(() => String) @IsString() @Length(1, 64) name!: string;
  @Field(() => Int, { description: 'Share of traffic (relative)' }) @IsInt() @Min(1) @Max(1000) weight!: number;
}

@InputType()
export class ExperimentInput {
  @Field(() => String) @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'key must be lower-case words joined by dashes' }) key!: string;
  @Field(() => String) @IsString() @Length(1, 200) name!: string;
  @Field(() => [VariantInput], { description: 'The first is the control' })
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => VariantInput)
  variants!: VariantInput[];
  @Field(() => String, { description: 'The event that counts as a conversion (default payment)' }) @IsIn(TRACKED_EVENT_TYPES) metric!: string;
  @Field(() => Float, { description: 'Expected control conversion rate, e.g. 0.03' }) @IsNumber() @Min(0.0001) @Max(0.9999) baselineRate!: number;
  @Field(() => Float, { description: 'Smallest absolute lift worth detecting, e.g. 0.005' })
  @IsNumber()
  @Min(0.0001)
  @Max(0.5)
  minimumDetectableEffect!: number;
}

@ObjectType()
export class VariantResult {
  @Field(() => String) variant!: string;
  @Field(() => Int) units!: number;
  @Field(() => Int) conversions!: number;
  @Field(() => Float) conversionRate!: number;
  @Field(() => Float, { description: 'Revenue per unit (fen)' }) revenuePerUnitFen!: number;
  @Field(() => Float, { nullable: true, description: 'vs control: rate difference' }) difference!: number | null;
  @Field(() => Float, { nullable: true }) ciLow!: number | null;
  @Field(() => Float, { nullable: true }) ciHigh!: number | null;
  @Field(() => Float, { nullable: true, description: 'Two-proportion z-test, two-sided' }) pValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'Welch t-test on revenue per unit' }) revenuePValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'Bayesian chance to beat control' }) chanceToBeatControl!: number | null;
}

@ObjectType()
export class ExperimentAnalysis {
  @Field(() => String) key!: string;
  @Field(() => String) metric!: string;
  @Field(() => Int) plannedUnitsPerVariant!: number;
  @Field(() => [VariantResult]) variants!: VariantResult[];
  @Field(() => Float) sampleRatioPValue!: number;
  @Field(() => Boolean, { description: 'p < 0.001: the split is broken, do not trust the results' }) sampleRatioMismatch!: boolean;
  @Field(() => Boolean, { description: 'Fixed horizon: every variant reached the planned sample' }) complete!: boolean;
  @Field(() => String) verdict!: string;
}

interface ExperimentRow {
  key: string;
  metric: string;
  variants: Array<{ name: string; weight: number }>;
  planned_units_per_variant: number;
}

interface VariantRow {
  variant: string;
  units: number;
  conversions: number;
  revenue_mean: number;
  revenue_var: number | null;
}

/**
 * A/B tests: stable assignment by hashing, exposures and conversions from tracked events,
 * frequentist and Bayesian read-outs, and a fixed-horizon rule against peeking: results are
 * final only once every variant has the sample planned from baseline and minimum effect.
 */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  define(ctx: RequestContext, input: ExperimentInput): Promise<ExperimentAnalysis> {
    if (new Set(input.variants.map((v) => v.name)).size !== input.variants.length) throw invalidField('variants', 'must have distinct names');
    return this.unitOfWork.run(ctx, async (tx) => {
      await execute(
        tx.em,
        `INSERT INTO experiment (key, name, variants, metric, planned_units_per_variant, baseline_rate, minimum_detectable_effect) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name`,
        [
          input.key,
          input.name,
          JSON.stringify(input.variants),
          input.metric,
          sampleSizePerVariant(input.baselineRate, input.minimumDetectableEffect),
          input.baselineRate,
          input.minimumDetectableEffect,
        ],
      );
      return (await this.analyse(input.key, tx)) as ExperimentAnalysis;
    });
  }

  /** The variant a unit (visitor or member) sees: the same every time, by hash. */
  async assign(key: string, unitId: string): Promise<string | NotFoundError> {
    const experiment = await selectRow<Pick<ExperimentRow, 'variants'>>(this.dataSource, `SELECT variants FROM experiment WHERE key = $1`, [key]);
    if (!experiment) return NotFoundError.of('Experiment', key);
    return variantFor(key, unitId, experiment.variants);
  }

  /** Exposures (experiment_exposure events) and conversions (the metric's events after exposure). */
  async record(tx: TransactionContext, events: readonly TrackedEvent[]): Promise<void> {
    const exposures = events.filter((e) => e.type === 'experiment_exposure' && e.experiment);
    if (exposures.length) {
      await execute(
        tx.em,
        `INSERT INTO experiment_unit (experiment_key, unit_id, variant, exposed_at)
         SELECT k, u, v, t FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[]) AS x(k, u, v, t) WHERE EXISTS (SELECT 1 FROM experiment WHERE key = x.k)
         ON CONFLICT DO NOTHING`,
        [exposures.map((e) => e.experiment!.key), exposures.map(visitorOf), exposures.map((e) => e.experiment!.variant), exposures.map((e) => e.occurredAt)],
      );
    }
    const others = events.filter((e) => e.type !== 'experiment_exposure');
    if (!others.length) return;
    await execute(
      tx.em,
      `UPDATE experiment_unit u SET converted_at = least(coalesce(u.converted_at, c.t), c.t), value_fen = u.value_fen + c.amount
         FROM (SELECT unit, type, min(t) AS t, sum(coalesce(amount, 0)) AS amount FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[]) AS x(unit, type, t, amount) GROUP BY unit, type) c,
              experiment e
        WHERE u.unit_id = c.unit AND e.key = u.experiment_key AND e.metric = c.type AND c.t >= u.exposed_at`,
      [others.map(visitorOf), others.map((e) => e.type), others.map((e) => e.occurredAt), others.map((e) => e.amountFen ?? 0)],
    );
  }

  async analyse(key: string, tx?: TransactionContext): Promise<ExperimentAnalysis | NotFoundError> {
    const db = tx ? tx.em : this.dataSource;
    const experiment = await selectRow<ExperimentRow>(db, `SELECT * FROM experiment WHERE key = $1`, [key]);
    if (!experiment) return NotFoundError.of('Experiment', key);
    const rows = await selectRows<VariantRow>(
      db,
      `SELECT variant, count(*)::int AS units, count(converted_at)::int AS conversions, avg(value_fen)::float AS revenue_mean, var_samp(value_fen)::float AS revenue_var
         FROM experiment_unit WHERE experiment_key = $1 GROUP BY variant`,
      [key],
    );
    const byName = new Map(rows.map((r) => [r.variant, r]));
    const stats = experiment.variants.map((v) => byName.get(v.name) ?? { variant: v.name, units: 0, conversions: 0, revenue_mean: 0, revenue_var: 0 });
    const control = stats[0];
    const variants = stats.map((s, i) => {
      const base = {
        variant: s.variant,
        units: s.units,
        conversions: s.conversions,
        conversionRate: s.units ? s.conversions / s.units : 0,
        revenuePerUnitFen: s.revenue_mean ?? 0,
      };
      if (i === 0 || !s.units || !control.units)
        return Object.assign(new VariantResult(), {
          ...base,
          difference: null,
          ciLow: null,
          ciHigh: null,
          pValue: null,
          revenuePValue: null,
          chanceToBeatControl: null,
        });
      const z = twoProportionZTest(control.conversions, control.units, s.conversions, s.units);
      const revenue =
        control.units > 1 && s.units > 1 && (control.revenue_var ?? 0) + (s.revenue_var ?? 0) > 0
          ? welchTTest(
              { n: control.units, mean: control.revenue_mean, variance: control.revenue_var ?? 0 },
              { n: s.units, mean: s.revenue_mean, variance: s.revenue_var ?? 0 },
            ).pValue
          : null;
      return Object.assign(new VariantResult(), {
        ...base,
        difference: z.difference,
        ciLow: z.ciLow,
        ciHigh: z.ciHigh,
        pValue: z.pValue,
        revenuePValue: revenue,
        chanceToBeatControl: chanceToBeat(control.conversions, control.units, s.conversions, s.units),
      });
    });
    const srm = sampleRatioTest(
      stats.map((s) => s.units),
      experiment.variants.map((v) => v.weight),
    );
    const complete = stats.every((s) => s.units >= experiment.planned_units_per_variant);
    const mismatch = srm.pValue < 0.001 && stats.some((s) => s.units > 0);
    const best = variants
      .slice(1)
      .filter((v) => v.pValue !== null && v.pValue < 0.05)
      .sort((a, b) => (b.difference ?? 0) - (a.difference ?? 0))[0];
    const verdict = mismatch
      ? 'Sample ratio mismatch: fix the assignment before reading results'
      : !complete
        ? `Collecting: ${experiment.planned_units_per_variant} units per variant are planned (fixed horizon) — do not stop early on interim p-values`
        : best
          ? `${best.variant} beats ${control.variant} (p = ${best.pValue!.toFixed(4)})`
          : 'No significant difference at the planned sample';
    return Object.assign(new ExperimentAnalysis(), {
      key,
      metric: experiment.metric,
      plannedUnitsPerVariant: experiment.planned_units_per_variant,
      variants,
      sampleRatioPValue: srm.pValue,
      sampleRatioMismatch: mismatch,
      complete,
      verdict,
    });
  }

  /**
   * The win-back experiment run by membership: each newly dormant member is a unit in the arm
   * membership put them in (coupon or hold-out); a paid order afterwards is a conversion.
   */
  async recordWinBack(tx: TransactionContext, memberId: string, arm: string, holdoutPercent: number, at: string): Promise<void> {
    await execute(
      tx.em,
      `INSERT INTO experiment (key, name, variants, metric, planned_units_per_variant, baseline_rate, minimum_detectable_effect)
       VALUES ('win-back', '流失召回券 vs 对照', $1, 'order', $2, 0.05, 0.03) ON CONFLICT (key) DO NOTHING`,
      [
        JSON.stringify([
          { name: 'holdout', weight: Math.max(1, holdoutPercent) },
          { name: 'coupon', weight: Math.max(1, 100 - holdoutPercent) },
        ]),
        sampleSizePerVariant(0.05, 0.03),
      ],
    );
    await execute(tx.em, `INSERT INTO experiment_unit (experiment_key, unit_id, variant, exposed_at) VALUES ('win-back', $1, $2, $3) ON CONFLICT DO NOTHING`, [
      `m:${memberId}`,
      arm,
      at,
    ]);
  }

  /** A member's paid order converts their units of experiments whose metric is an order. */
  async recordMemberOrder(tx: TransactionContext, channel: string, platformUserId: string, at: string, amountFen: number): Promise<void> {
    await execute(
      tx.em,
      `UPDATE experiment_unit u SET converted_at = least(coalesce(u.converted_at, $3::timestamptz), $3::timestamptz), value_fen = u.value_fen + $4
         FROM member_account a, experiment e
        WHERE a.channel = $1 AND a.platform_user_id = $2 AND u.unit_id = 'm:' || a.member_id AND e.key = u.experiment_key AND e.metric = 'order' AND u.exposed_at <= $3::timestamptz`,
      [channel, platformUserId, at, amountFen],
    );
  }
}

/** Weighted bucket from the first 8 bytes of sha256(key:unit). */
export function variantFor(key: string, unitId: string, variants: ReadonlyArray<{ name: string; weight: number }>): string {
  const bucket = createHash('sha256').update(`${key}:${unitId}`).digest().readUInt32BE(0) / 0x1_0000_0000;
  const total = variants.reduce((s, v) => s + v.weight, 0);
  let edge = 0;
  for (const v of variants) {
    edge += v.weight / total;
    if (bucket < edge) return v.name;
  }
  return variants[variants.length - 1].name;
}
