import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { READERS } from '../roles';
import { AnomaliesService } from './anomalies.service';
import { AnomalyAlert } from './anomaly-alert';

@Resolver()
export class AnomaliesResolver {
  constructor(private readonly anomaliesService: AnomaliesService) {}

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
}
