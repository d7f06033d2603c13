import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One figure of a scorecard against its target' })
export class ScorecardMeasure {
  @Field(() => String, { description: 'avgFirstResponseBusinessMinutes (at most the target), resolutionRate, csat (at least the target)' }) name!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float) target!: number;
  @Field(() => Boolean, { nullable: true, description: 'Null when there is nothing to judge (no answer, no survey)' }) met!: boolean | null;
}

@ObjectType({ description: 'The figures of one period (the month, or a festival window) against the targets' })
export class ScorecardPeriod {
  @Field(() => String, { description: 'The month (YYYY-MM) or the festival (618, 双11)' }) name!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date, { description: 'Exclusive' }) to!: Date;
  @Field(() => Int) conversations!: number;
  @Field(() => [ScorecardMeasure]) measures!: ScorecardMeasure[];
  @Field(() => Int) targetsMet!: number;
}

@ObjectType({ description: 'A staff member’s monthly scorecard (绩效考核), with the festival assessment in 618’s and 双11’s months' })
export class StaffScorecard {
  @Field(() => String) agentCode!: string;
  @Field(() => String) agentName!: string;
  @Field(() => ScorecardPeriod) month!: ScorecardPeriod;
  @Field(() => ScorecardPeriod, { nullable: true }) festival!: ScorecardPeriod | null;
}
