import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { isCalendarMonth } from '@shopops/contracts';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { assertDateRange } from './date-range';
import { AnomaliesService } from './anomalies/anomalies.service';
import { AnomalyAlert } from './anomalies/anomaly-alert';
import { Cohort, CohortsService, LifetimeValue } from './cohorts/cohorts.service';
import { Report } from './reports/report';
import { ReportsService } from './reports/reports.service';
import { AdSpendInput, KolTier, PaidPerformance, TrafficMix, TrafficService } from './traffic/traffic.service';

const READERS = ['analyst', 'operator'] as const;

const range = (from: string, to: string) => assertDateRange(from, to);

/** Cohorts and lifetime value, traffic and spend, anomaly alerts, reports. */
@Resolver()
export class InsightsResolver {
  constructor(
    private readonly cohortsService: CohortsService,
    private readonly trafficService: TrafficService,
    private readonly anomaliesService: AnomaliesService,
    private readonly reportsService: ReportsService,
  ) {}

  @Roles(...READERS)
  @Query(() => [Cohort], { description: 'Monthly cohorts by first paid order, with retention by month since' })
  cohorts(@Args('fromMonth') fromMonth: string, @Args('months', { type: () => Int, defaultValue: 12 }) months: number): Promise<Cohort[]> {
    if (!isCalendarMonth(fromMonth)) throw invalidField('fromMonth', 'must be an existing month, YYYY-MM');
    if (months < 1 || months > 60) throw invalidField('months', 'must be 1 to 60');
    return this.cohortsService.cohorts(fromMonth, months);
  }

  @Roles(...READERS)
  @Query(() => LifetimeValue, { description: 'Observed value per customer and the AOV × frequency × margin projection' })
  customerLifetimeValue(): Promise<LifetimeValue> {
    return this.cohortsService.lifetimeValue();
  }

  @Roles(...READERS)
  @Query(() => TrafficMix, { description: 'Visitors by traffic source, and the paid share against its limit' })
  trafficMix(@Args('from') from: string, @Args('to') to: string): Promise<TrafficMix> {
    range(from, to);
    return this.trafficService.mix(from, to);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'Imports ad spend by day, paid source and campaign (a row again replaces its figure); answers the rows stored' })
  importAdSpend(@Ctx() ctx: RequestContext, @Args('rows', { type: () => [AdSpendInput] }) rows: AdSpendInput[]): Promise<number> {
    return this.trafficService.importSpend(ctx, rows);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Int, { description: 'The same from CSV: day,source,campaign,spendFen (with a header row)' })
  importAdSpendCsv(@Ctx() ctx: RequestContext, @Args('csv') csv: string): Promise<number> {
    return this.trafficService.importSpend(ctx, this.trafficService.parseSpendCsv(csv));
  }

  @Roles(...READERS)
  @Query(() => [PaidPerformance], { description: 'Spend, attributed orders and GMV, ROAS and ROI per paid source (and campaign)' })
  paidChannelPerformance(@Args('from') from: string, @Args('to') to: string, @Args('byCampaign', { type: () => Boolean, defaultValue: false }) byCampaign: boolean): Promise<PaidPerformance[]> {
    range(from, to);
    return this.trafficService.paidPerformance(from, to, byCampaign);
  }

  @Roles(...READERS)
  @Query(() => [KolTier], { description: 'KOLs by the sales they brought: HEAD, MID, TAIL' })
  kolTiers(@Args('from') from: string, @Args('to') to: string): Promise<KolTier[]> {
    range(from, to);
    return this.trafficService.kolTiers(from, to);
  }

  @Roles(...READERS)
  @Query(() => [AnomalyAlert])
  anomalyAlerts(@Args('status', { type: () => String, nullable: true }) status?: string): Promise<AnomalyAlert[]> {
    return this.anomaliesService.alerts(status);
  }

  @Roles('operator')
  @Mutation(() => [AnomalyAlert], { description: 'Runs detection for one hour (the hourly job does the last hour); answers the open alerts' })
  detectAnomalies(@Ctx() ctx: RequestContext, @Args('hour') hour: string): Promise<AnomalyAlert[]> {
    if (Number.isNaN(Date.parse(hour))) throw invalidField('hour', 'must be an ISO 8601 date-time');
    return this.anomaliesService.detect(ctx, new Date(hour));
  }

  @Roles(...READERS)
  @Query(() => [Report], { description: 'Stored daily and weekly reports, newest first' })
  reports(@Args('kind', { type: () => String, nullable: true }) kind?: string, @Args('first', { type: () => Int, defaultValue: 30 }) first = 30): Promise<Report[]> {
    return this.reportsService.list(kind, Math.min(Math.max(first, 1), 200));
  }

  @Roles(...READERS, 'admin')
  @Query(() => Report, { nullable: true })
  report(@Args('id', { type: () => ID }) id: string): Promise<Report | null> {
    if (!isUUID(id)) throw invalidField('id', 'must be a report id');
    return this.reportsService.byId(id);
  }

  @Roles('operator', 'analyst')
  @Mutation(() => Report, { description: 'Builds (or rebuilds) a report now; the scheduled jobs do yesterday and last week' })
  generateReport(@Ctx() ctx: RequestContext, @Args('kind') kind: string, @Args('from') from: string, @Args('to') to: string): Promise<Report> {
    if (kind !== 'DAILY' && kind !== 'WEEKLY') throw invalidField('kind', 'must be DAILY or WEEKLY');
    range(from, to);
    return this.reportsService.generate(ctx, kind, from, to);
  }
}
