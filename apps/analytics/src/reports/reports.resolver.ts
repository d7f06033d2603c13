import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { assertDateRange } from '../date-range';
import { READERS } from '../roles';
import { Report } from './report';
import { ReportsService } from './reports.service';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reportsService: ReportsService) {}

  @Roles(...READERS)
  @Query(() => [Report], { description: 'Stored daily and weekly reports, newest first' })
  reports(
    @Args('kind', { type: () => String, nullable: true }) kind?: string,
    @Args('first', { type: () => Int, defaultValue: 30 }) first = 30,
  ): Promise<Report[]> {
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
    assertDateRange(from, to);
    return this.reportsService.generate(ctx, kind, from, to);
  }
}
