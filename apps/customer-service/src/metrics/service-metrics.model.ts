import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class ServiceFigures {
  @Field(() => String, { description: 'An agent code, a channel, or "all"' }) key!: string;
  @Field(() => Int) conversations!: number;
  @Field(() => Float, { description: 'Conversations the bot alone answered' }) autoAnswerRate!: number;
  @Field(() => Float) resolutionRate!: number;
  @Field(() => Float, { nullable: true }) avgFirstResponseBusinessMinutes!: number | null;
  @Field(() => Float, { nullable: true }) avgFirstResponseWallMinutes!: number | null;
  @Field(() => Float, { nullable: true }) avgResolutionBusinessMinutes!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average 1–5' }) csat!: number | null;
  @Field(() => Float, { nullable: true, description: '% promoters (9–10) − % detractors (0–6)' }) nps!: number | null;
  @Field(() => Int) slaBreaches!: number;
}

@ObjectType()
export class ServiceMetrics {
  @Field(() => ServiceFigures) overall!: ServiceFigures;
  @Field(() => [ServiceFigures]) byAgent!: ServiceFigures[];
  @Field(() => [ServiceFigures]) byChannel!: ServiceFigures[];
}

@ObjectType()
export class Survey {
  @Field(() => String) conversationId!: string;
  @Field(() => Int, { nullable: true }) csat!: number | null;
  @Field(() => Int, { nullable: true }) nps!: number | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}
