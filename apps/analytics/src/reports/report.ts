import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { KpiRow } from '../kpis/kpis.service';
import type { TrafficMix } from '../traffic/traffic.service';

@ObjectType()
export class Report {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'DAILY or WEEKLY' }) kind!: string;
  @Field(() => String) periodStart!: string;
  @Field(() => String) periodEnd!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'The figures, as JSON' }) json!: string;
  @Field(() => String, { description: 'Sales by day, as CSV' }) csv!: string;
  @Field(() => String, { description: 'A page with charts (also at the gateway’s /admin/reports/{id})' }) html!: string;
}

/** The figures a report stores (as JSON in report.data). */
export interface ReportData {
  totals: { visitors: number; orders: number; gmvFen: number; refundFen: number; conversionRate: number | null; aovFen: number | null };
  days: KpiRow[];
  funnel: Array<{ step: string; visitors: number }>;
  traffic: TrafficMix;
}

/** A row of report; a date column may come back as a Date or as text, depending on the driver's parser. */
export interface ReportRow {
  id: string;
  kind: string;
  period_start: Date | string;
  period_end: Date | string;
  data: ReportData;
  created_at: Date;
}
