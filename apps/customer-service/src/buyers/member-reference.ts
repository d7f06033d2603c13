import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/** Membership's Member, extended here with its conversations and after-sales cases. */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberReference {
  @Field(() => ID) id!: string;
}
