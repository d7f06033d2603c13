import { Field, Int, ObjectType } from '@nestjs/graphql';

/** One recorded change of a product: who, what, when. */
@ObjectType()
export class ProductVersion {
  @Field(() => Int) version!: number;
  @Field(() => String) actor!: string;
  @Field(() => String) change!: string;
  @Field(() => Date) at!: Date;
}
