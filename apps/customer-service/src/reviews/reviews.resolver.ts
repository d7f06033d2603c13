import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { Review } from './review.entity';

@Resolver(() => Review)
export class ReviewsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('cs_agent', 'operator', 'analyst')
  @Query(() => [Review], { description: 'Reviews of a SKU, newest first.' })
  reviewsForSku(@Args('skuCode') skuCode: string): Promise<Review[]> {
    return this.dataSource.getRepository(Review).find({ where: { skuCode }, order: { reviewedAt: 'DESC' }, take: 100 });
  }
}
