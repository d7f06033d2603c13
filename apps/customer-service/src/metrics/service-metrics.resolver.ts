import { Args, createUnionType, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { byResultClass, Ctx, invalidField, InvalidStateError, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { requireId } from '../ids';
import { STAFF } from '../roles';
import { ServiceMetrics, Survey } from './service-metrics.model';
import { ServiceMetricsService } from './service-metrics.service';

export const SurveyResult = createUnionType({
  name: 'SurveyResult',
  types: () => [Survey, NotFoundError, InvalidStateError] as const,
  resolveType: byResultClass,
});

@Resolver(() => ServiceMetrics)
export class ServiceMetricsResolver {
  constructor(private readonly metricsService: ServiceMetricsService) {}

  @Roles(...STAFF, 'member')
  @Mutation(() => SurveyResult, { description: 'The buyer’s CSAT (1–5) and NPS (0–10) after resolution.' })
  answerSurvey(
    @Ctx() ctx: RequestContext,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('csat', { type: () => Int }) csat: number,
    @Args('nps', { type: () => Int, nullable: true }) nps?: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ) {
    requireId('conversationId', conversationId);
    if (csat < 1 || csat > 5) throw invalidField('csat', 'must be 1 to 5');
    if (nps !== undefined && nps !== null && (nps < 0 || nps > 10)) throw invalidField('nps', 'must be 0 to 10');
    return this.metricsService.answer(ctx, conversationId, csat, nps ?? null, comment ?? null);
  }

  @Roles('operator', 'analyst', 'cs_agent')
  @Query(() => ServiceMetrics, {
    description: 'Response times, resolution rate, CSAT, NPS, auto-answer rate, SLA breaches — overall, per agent and per channel',
  })
  serviceMetrics(@Args('days', { type: () => Int, defaultValue: 30 }) days: number) {
    if (days < 1 || days > 366) throw invalidField('days', 'must be 1 to 366');
    return this.metricsService.metrics(days);
  }
}
