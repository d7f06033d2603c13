import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class QualityIssue {
  @Field(() => ID) id!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) source!: string;
  @Field(() => Int) occurrences!: number;
  @Field(() => String) status!: string;
  @Field(() => Date) openedAt!: Date;
}
