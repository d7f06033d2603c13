import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PortfolioRole } from '../products/product.entity';

@ObjectType()
export class PortfolioRoleShare {
  @Field(() => PortfolioRole) role!: PortfolioRole;
  @Field(() => Int) products!: number;
  @Field(() => Float, { description: 'Percent of the live range' }) sharePercent!: number;
  @Field(() => Float, { nullable: true, description: 'Target percent ("4321"); null for roles without one' }) targetPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'share − target, in percentage points' }) gapPoints!: number | null;
}

@ObjectType({ description: 'The live range (not archived, not exited) by portfolio role, against the target' })
export class PortfolioMix {
  @Field(() => Int) products!: number;
  @Field(() => [PortfolioRoleShare]) roles!: PortfolioRoleShare[];
  @Field(() => Int, { description: 'Products that sold at least the bestseller threshold in 30 days' }) bestsellers!: number;
  @Field(() => Float) bestsellerSharePercent!: number;
  @Field(() => Float) bestsellerMaxPercent!: number;
  @Field(() => Boolean) withinBestsellerLimit!: boolean;
}

@ObjectType()
export class RoleSuggestion {
  @Field(() => String) productCode!: string;
  @Field(() => PortfolioRole) currentRole!: PortfolioRole;
  @Field(() => PortfolioRole) suggestedRole!: PortfolioRole;
  @Field(() => String) reason!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => String) status!: string;
  @Field(() => Date) detectedAt!: Date;
}
