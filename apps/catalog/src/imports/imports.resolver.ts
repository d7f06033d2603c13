import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { isUUID } from 'class-validator';
import { ImportFormat, ImportJob } from './imports.model';
import { ImportsService } from './imports.service';

@Resolver()
export class ImportsResolver {
  constructor(private readonly importsService: ImportsService) {}

  @Roles('operator')
  @Mutation(() => ImportJob, { description: 'Queues a CSV or JSON product import; follow it with importJob(id).' })
  startProductImport(
    @Ctx() ctx: RequestContext,
    @Args('format', { type: () => ImportFormat }) format: ImportFormat,
    @Args('content') content: string,
  ): Promise<ImportJob> {
    return this.importsService.start(ctx, format, content);
  }

  @Roles('operator')
  @Query(() => ImportJob, { nullable: true })
  importJob(@Args('id', { type: () => ID }) id: string): Promise<ImportJob | null> {
    if (!isUUID(id)) throw invalidField('id', 'must be an import job id');
    return this.importsService.job(id);
  }

  @Roles('operator', 'analyst')
  @Query(() => String, { description: 'The range (not archived) as CSV or JSON, in the shape import reads' })
  exportProducts(@Args('format', { type: () => ImportFormat }) format: ImportFormat): Promise<string> {
    return this.importsService.export(format);
  }
}
