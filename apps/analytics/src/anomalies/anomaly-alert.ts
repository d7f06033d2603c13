import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class AnomalyAlert {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'traffic-surge, traffic-drop, payments-drop, conversion-drop, refund-spike, paid-share' }) metric!: string;
  @Field(() => String, { description: 'The channel, or "shop"' }) dimension!: string;
  @Field(() => String, { description: 'Who it goes to' }) team!: string;
  @Field(() => String) severity!: string;
  @Field(() => Float) observed!: number;
  @Field(() => Float) expected!: number;
  @Field(() => Date) hour!: Date;
  @Field(() => String) status!: string;
  @Field(() => Date) openedAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
}

/** A row of anomaly_alert; observed and expected are numeric, which the driver answers as text. */
export interface AnomalyAlertRow {
  id: string;
  metric: string;
  dimension: string;
  team: string;
  severity: string;
  observed: string;
  expected: string;
  hour: Date;
  status: string;
  opened_at: Date;
  resolved_at: Date | null;
}

export function toAlert(r: AnomalyAlertRow): AnomalyAlert {
  return Object.assign(new AnomalyAlert(), {
    id: r.id,
    metric: r.metric,
    dimension: r.dimension,
    team: r.team,
    severity: r.severity,
    observed: Number(r.observed),
    expected: Number(r.expected),
    hour: r.hour,
    status: r.status,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
  });
}
