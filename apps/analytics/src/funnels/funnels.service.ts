import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsCalendarDate, TRACKED_EVENT_TYPES } from '@shopops/contracts';
import { invalidField, selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ratio, round4 } from '../figures';

export enum FunnelBreakdown {
  NONE = 'NONE',
  CHANNEL = 'CHANNEL',
  DEVICE = 'DEVICE',
}
registerEnumType(FunnelBreakdown, { name: 'FunnelBreakdown' });

export const DEFAULT_FUNNEL = ['search', 'click', 'product_view', 'add_to_cart', 'order', 'payment'];

@InputType()
export class FunnelInput {
  @Field(() => [String], { nullable: true, description: `Ordered event types; default ${DEFAULT_FUNNEL.join(' → ')}` })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsIn(TRACKED_EVENT_TYPES, { each: true })
  steps?: string[];
  @Field(() => String, { description: 'First day (Asia/Shanghai), YYYY-MM-DD' }) @IsCalendarDate() from!: string;
  @Field(() => String) @IsCalendarDate() to!: string;
  @Field(() => Int, { defaultValue: 1440, description: 'Every step must follow the first within this many minutes' })
  @IsInt()
  @Min(1)
  @Max(43_200)
  windowMinutes!: number;
  @Field(() => FunnelBreakdown, { defaultValue: FunnelBreakdown.NONE }) @IsEnum(FunnelBreakdown) breakdown!: FunnelBreakdown;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() channel?: string;
}

@ObjectType()
export class FunnelStep {
  @Field(() => String) step!: string;
  @Field(() => Int) visitors!: number;
  @Field(() => Float, { description: 'Of the previous step' }) conversionFromPrevious!: number;
  @Field(() => Float, { description: 'Lost since the previous step' }) dropFromPrevious!: number;
  @Field(() => Float, { nullable: true, description: 'Median seconds from the previous step' }) medianSecondsFromPrevious!: number | null;
}

@ObjectType()
export class Funnel {
  @Field(() => String, { nullable: true, description: 'The channel or device of this breakdown' }) segment!: string | null;
  @Field(() => [FunnelStep]) steps!: FunnelStep[];
  @Field(() => Float) overallConversion!: number;
}

/**
 * Funnels over the raw events: each visitor's first event of step 1 starts the window; each
 * next step counts at its first occurrence after the previous step, inside the window.
 */
@Injectable()
export class FunnelsService {
  constructor(private readonly dataSource: DataSource) {}

  async funnel(input: FunnelInput): Promise<Funnel[]> {
    const steps = input.steps ?? DEFAULT_FUNNEL;
    if (input.to < input.from) throw invalidField('to', 'must not be before from');
    // Parameters: $1 from, $2 to, $3 window, $4 channel, $5.. step types. One CTE per step, chained: each step joins
    // the visitors still in the funnel to that step's events (read from the funnel index alone) by hash, once, instead
    // of one index probe per visitor and step. Visitors are sorted bytewise: the same equality, without the locale's
    // collation costs on ids that share their prefix.
    const segment = input.breakdown === FunnelBreakdown.CHANNEL ? 'channel' : input.breakdown === FunnelBreakdown.DEVICE ? 'device' : `NULL::text`;
    const ctes = steps.map((_, i) =>
      i === 0
        ? `s0 AS MATERIALIZED (SELECT DISTINCT ON (visitor_id COLLATE "C") visitor_id, ${segment} AS segment, occurred_at AS start, occurred_at AS t
                 FROM tracked_event WHERE type = $5 AND day BETWEEN $1 AND $2 AND ($4::text IS NULL OR channel = $4) ORDER BY visitor_id COLLATE "C", occurred_at)`
        : `s${i} AS MATERIALIZED (SELECT p.visitor_id, min(p.segment) AS segment, min(p.start) AS start, min(e.occurred_at) AS t,
                   extract(epoch FROM min(e.occurred_at) - min(p.t))::float AS dt
                 FROM s${i - 1} p JOIN tracked_event e ON e.visitor_id = p.visitor_id AND e.type = $${i + 5} AND e.day BETWEEN $1 AND ($2::date + 31)
                   AND e.occurred_at >= p.t AND e.occurred_at <= p.start + $3 * interval '1 minute'
                GROUP BY p.visitor_id)`,
    );
    const selects = steps.map((_, i) =>
      i === 0
        ? `SELECT 0 AS step, segment, count(*)::int AS visitors, NULL::float AS median FROM s0 GROUP BY segment`
        : `SELECT ${i} AS step, segment, count(*)::int AS visitors, percentile_cont(0.5) WITHIN GROUP (ORDER BY dt) AS median FROM s${i} GROUP BY segment`,
    );
    const rows = await this.dataSource.transaction(async (em) => {
      // The planner cannot size the step CTEs (it guesses 200 rows) and would probe per visitor; sorts and hashes stay in memory.
      await em.query(`SET LOCAL enable_nestloop = off`);
      await em.query(`SET LOCAL work_mem = '64MB'`);
      return selectRows<{ step: number; segment: string | null; visitors: number; median: number | null }>(
        em,
        `WITH ${ctes.join(',\n')} ${selects.join(' UNION ALL ')}`,
        [input.from, input.to, input.windowMinutes, input.channel ?? null, ...steps],
      );
    });
    const segments = [...new Set(rows.filter((r) => r.step === 0).map((r) => r.segment))];
    return (segments.length ? segments : [null]).map((seg) => {
      const counts = steps.map((_, i) => rows.find((r) => r.step === i && r.segment === seg));
      const funnelSteps = steps.map((step, i) => {
        const visitors = counts[i]?.visitors ?? 0;
        const previous = i === 0 ? visitors : (counts[i - 1]?.visitors ?? 0);
        const conversion = ratio(visitors, previous) ?? 0;
        return Object.assign(new FunnelStep(), {
          step,
          visitors,
          conversionFromPrevious: i === 0 ? 1 : conversion,
          dropFromPrevious: i === 0 ? 0 : round4(1 - conversion),
          medianSecondsFromPrevious: i === 0 ? null : (counts[i]?.median ?? null),
        });
      });
      const first = funnelSteps[0].visitors;
      return Object.assign(new Funnel(), {
        segment: seg,
        steps: funnelSteps,
        overallConversion: ratio(funnelSteps[funnelSteps.length - 1].visitors, first) ?? 0,
      });
    });
  }
}
