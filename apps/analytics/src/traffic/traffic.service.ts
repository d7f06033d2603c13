import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { IsCalendarDate, isCalendarDate } from '@shopops/contracts';
import { execute, invalidField, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ANALYTICS_CONFIG, type AnalyticsConfig } from '../analytics.config';
import { ratio, returnOnSpend } from '../figures';

export const PAID_SOURCES = ['paid_search', 'feed', 'display', 'affiliate', 'kol', 'live'] as const;

@InputType()
export class AdSpendInput {
  @Field(() => String) @IsCalendarDate() day!: string;
  @Field(() => String, { description: PAID_SOURCES.join(', ') })
  @IsIn(PAID_SOURCES, { message: `source must be one of ${PAID_SOURCES.join(', ')}` })
  source!: string;
  @Field(() => String, { defaultValue: '' }) @IsString() @Length(0, 64) campaign!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(10_000_000_000) spendFen!: number;
}

@ObjectType()
export class SourceShare {
  @Field(() => String) source!: string;
  @Field(() => Int) visitors!: number;
  @Field(() => Float) share!: number;
}

@ObjectType()
export class TrafficMix {
  @Field(() => Int) visitors!: number;
  @Field(() => [SourceShare]) sources!: SourceShare[];
  @Field(() => Float) paidShare!: number;
  @Field(() => Float) paidShareLimit!: number;
  @Field(() => Boolean, { description: 'Paid traffic above the limit' }) overLimit!: boolean;
}

@ObjectType()
export class PaidPerformance {
  @Field(() => String) source!: string;
  @Field(() => String, { description: 'Empty for the whole source' }) campaign!: string;
  @Field(() => Float) spendFen!: number;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
  @Field(() => Float, { nullable: true, description: 'GMV ÷ spend' }) roas!: number | null;
  @Field(() => Float, { nullable: true, description: '(GMV × margin − spend) ÷ spend' }) roi!: number | null;
}

@ObjectType()
export class KolTier {
  @Field(() => String) referrer!: string;
  @Field(() => String, { description: 'HEAD (top 10% by sales), MID (next 30%), TAIL' }) tier!: string;
  @Field(() => Int) orders!: number;
  @Field(() => Float) gmvFen!: number;
}

/** Traffic-source mix, imported ad spend, ROAS and ROI per paid channel and campaign, KOL tiers. */
@Injectable()
export class TrafficService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(ANALYTICS_CONFIG) private readonly config: AnalyticsConfig,
  ) {}

  importSpend(ctx: RequestContext, rows: AdSpendInput[]): Promise<number> {
    if (!rows.length || rows.length > 10_000) throw invalidField('rows', 'must hold 1 to 10000 rows');
    return this.unitOfWork.run(ctx, async (tx) => {
      // The same day, source and campaign imported again replaces the figure (a corrected export).
      await execute(
        tx.em,
        `INSERT INTO ad_spend (day, source, campaign, spend_fen, imported_by) SELECT d::date, s, c, f, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS x(d, s, c, f)
         ON CONFLICT (day, source, campaign) DO UPDATE SET spend_fen = EXCLUDED.spend_fen, imported_by = EXCLUDED.imported_by, imported_at = now()`,
        [rows.map((r) => r.day), rows.map((r) => r.source), rows.map((r) => r.campaign ?? ''), rows.map((r) => r.spendFen), ctx.identity.subject],
      );
      return rows.length;
    });
  }

  /** CSV `day,source,campaign,spendFen` (a header row); every row is checked before any is stored. */
  parseSpendCsv(csv: string): AdSpendInput[] {
    let records: Array<Record<string, string>>;
    try {
      records = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (error) {
      throw invalidField('csv', `is not readable: ${(error as Error).message}`);
    }
    return records.map((r, i) => {
      const spend = Number(r.spendFen);
      if (!isCalendarDate(r.day)) throw invalidField('csv', `line ${i + 2}: day must be an existing date, YYYY-MM-DD`);
      if (!(PAID_SOURCES as readonly string[]).includes(r.source)) throw invalidField('csv', `line ${i + 2}: source must be one of ${PAID_SOURCES.join(', ')}`);
      if (!Number.isInteger(spend) || spend < 0) throw invalidField('csv', `line ${i + 2}: spendFen must be a whole number of fen`);
      return Object.assign(new AdSpendInput(), { day: r.day, source: r.source, campaign: r.campaign ?? '', spendFen: spend });
    });
  }

  async mix(from: string, to: string): Promise<TrafficMix> {
    const rows = await selectRows<{ source: string; visitors: number }>(
      this.dataSource,
      `SELECT source, count(DISTINCT visitor_id)::int AS visitors FROM daily_visitor WHERE day BETWEEN $1 AND $2 GROUP BY source ORDER BY visitors DESC, source`,
      [from, to],
    );
    const visitors = rows.reduce((n, r) => n + r.visitors, 0);
    const paid = rows.filter((r) => (PAID_SOURCES as readonly string[]).includes(r.source)).reduce((n, r) => n + r.visitors, 0);
    const paidShare = ratio(paid, visitors) ?? 0;
    return Object.assign(new TrafficMix(), {
      visitors,
      sources: rows.map((r) => Object.assign(new SourceShare(), { source: r.source, visitors: r.visitors, share: ratio(r.visitors, visitors) ?? 0 })),
      paidShare,
      paidShareLimit: this.config.paidShareLimitPercent / 100,
      overLimit: paidShare > this.config.paidShareLimitPercent / 100,
    });
  }

  async paidPerformance(from: string, to: string, byCampaign: boolean): Promise<PaidPerformance[]> {
    const rows = await selectRows<{ source: string; campaign: string; spend: number; orders: number; gmv: number }>(
      this.dataSource,
      `WITH spend AS (SELECT source, CASE WHEN $3 THEN campaign ELSE '' END AS campaign, sum(spend_fen)::float AS spend FROM ad_spend WHERE day BETWEEN $1 AND $2 GROUP BY 1, 2),
            sales AS (SELECT source, CASE WHEN $3 THEN campaign ELSE '' END AS campaign, sum(orders)::int AS orders, sum(gmv_fen)::float AS gmv FROM attributed_sale
                       WHERE day BETWEEN $1 AND $2 AND source = ANY ($4) GROUP BY 1, 2)
       SELECT source, campaign, coalesce(spend.spend, 0) AS spend, coalesce(sales.orders, 0) AS orders, coalesce(sales.gmv, 0) AS gmv
         FROM spend FULL JOIN sales USING (source, campaign) ORDER BY source, campaign`,
      [from, to, byCampaign, PAID_SOURCES],
    );
    return rows.map((r) =>
      Object.assign(new PaidPerformance(), {
        source: r.source,
        campaign: r.campaign,
        spendFen: Number(r.spend),
        orders: Number(r.orders),
        gmvFen: Number(r.gmv),
        roas: ratio(Number(r.gmv), Number(r.spend)),
        roi: returnOnSpend(Number(r.gmv), Number(r.spend), this.config.marginPercent),
      }),
    );
  }

  async kolTiers(from: string, to: string): Promise<KolTier[]> {
    const rows = await selectRows<{ referrer: string; orders: number; gmv: number }>(
      this.dataSource,
      `SELECT referrer, sum(orders)::int AS orders, sum(gmv_fen)::float AS gmv FROM attributed_sale WHERE source = 'kol' AND referrer <> '' AND day BETWEEN $1 AND $2
        GROUP BY referrer ORDER BY gmv DESC, referrer`,
      [from, to],
    );
    const head = Math.max(1, Math.ceil(rows.length * 0.1));
    const mid = head + Math.ceil(rows.length * 0.3);
    return rows.map((r, i) =>
      Object.assign(new KolTier(), { referrer: r.referrer, tier: i < head ? 'HEAD' : i < mid ? 'MID' : 'TAIL', orders: r.orders, gmvFen: Number(r.gmv) }),
    );
  }
}
