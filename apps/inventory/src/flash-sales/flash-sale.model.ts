import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class FlashSaleStatus {
  @Field(() => String) code!: string;
  @Field(() => [String]) skuCodes!: string[];
  @Field(() => Int, { description: 'Units held by reservations at the flash price (released ones given back)' }) sold!: number;
  @Field(() => Int, { nullable: true }) quantityCap!: number | null;
  @Field(() => Int, { nullable: true }) perBuyerLimit!: number | null;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Boolean) ended!: boolean;
}
