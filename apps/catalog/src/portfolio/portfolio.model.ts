import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PortfolioRole } from '../products/product.entity';

@ObjectType()
export class PortfolioRoleShare {
  @Field(() => PortfolioRole) role!: PortfolioRole;
  @Field(() => Int) products!: number;
  @Field(() => Float, { description: 'Percent of the live range’s products' }) sharePercent!: number;
  @Field(() => Float, { description: 'Resources the role’s products got: promotion slot-days (see PortfolioMix.resourceMeasure)' }) resourceDays!: number;
  @Field(() => Float, {
    description: 'Target roles: percent of the four target roles’ resources ("4321" compares this); traffic driver and long tail: percent of all resources',
  })
  resourceSharePercent!: number;
  @Field(() => Float, { nullable: true, description: 'Target percent of resources ("4321"); null for roles without one' }) targetPercent!: number | null;
  @Field(() => Float, { nullable: true, description: 'resourceSharePercent − target, in percentage points' }) gapPoints!: number | null;
}

@ObjectType({ description: 'The live range (not archived, not exited) by portfolio role: resources against the "4321" target, and the bestseller share' })
export class PortfolioMix {
  @Field(() => Int) products!: number;
  @Field(() => String, { description: 'What counts as a resource, and over which days' }) resourceMeasure!: string;
  @Field(() => Float, { description: 'Resources the four target roles got (the base of their shares)' }) targetRoleResourceDays!: number;
  @Field(() => Float, { description: 'Resources traffic drivers and the long tail got, reported apart' }) otherResourceDays!: number;
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
