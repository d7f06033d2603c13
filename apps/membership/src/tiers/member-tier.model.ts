import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class MemberTier {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => Int) rank!: number;
  @Field(() => Date) since!: Date;
  @Field(() => Date, { description: 'Downgrades only happen at this date (plus the grace period)' }) reviewAt!: Date;
  @Field(() => Boolean, { description: 'Locked for life: never downgraded' }) lifetime!: boolean;
}

@ObjectType()
export class TierBenefitsView {
  @Field(() => String) birthdayGift!: string;
  @Field(() => Int) earlyAccessHours!: number;
  @Field(() => Boolean) freeShipping!: boolean;
  @Field(() => Boolean) priorityShipping!: boolean;
  @Field(() => Boolean) dedicatedAgent!: boolean;
  @Field(() => Boolean) designerConsultation!: boolean;
}
