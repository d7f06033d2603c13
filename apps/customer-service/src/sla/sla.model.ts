import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class SlaAlert {
  @Field(() => String) target!: string;
  @Field(() => String, { description: 'WARNING or BREACH' }) kind!: string;
  @Field(() => Int) level!: number;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date) at!: Date;
}
