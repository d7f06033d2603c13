import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min } from 'class-validator';

const CLAIMS = ['NOT_RECEIVED', 'LOST_IN_TRANSIT', 'DAMAGED_IN_TRANSIT', 'QUALITY', 'NOT_AS_DESCRIBED', 'OTHER'];

@ObjectType()
export class Dispute {
  @Field(() => ID) id!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) orderId!: string;
  @Field(() => String) claim!: string;
  @Field(() => Int) amountFen!: number;
  @Field(() => String, { description: 'ORDINARY (decided by rules) or EXPERT' }) grade!: string;
  @Field(() => String, { description: 'DECIDED or EXPERT_QUEUE' }) status!: string;
  @Field(() => String, { nullable: true, description: 'BUYER or SELLER' }) decision!: string | null;
  @Field(() => String, { nullable: true, description: 'The rule that decided it, or the expert’s note' }) ruleFired!: string | null;
  @Field(() => Int, { description: '先行赔付 paid to the buyer' }) compensationFen!: number;
  @Field(() => Int, { description: 'Refunded to the buyer by the ruling' }) refundFen!: number;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class OpenDisputeInput {
  @Field(() => String) @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a channel name' }) channel!: string;
  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;
  @Field(() => String, { description: CLAIMS.join(', ') }) @IsIn(CLAIMS, { message: `claim must be one of ${CLAIMS.join(', ')}` }) claim!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000_000) amountFen!: number;
  @Field(() => [String], { nullable: true, description: 'Photo or video URLs' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true }, { each: true })
  evidence?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Several issues, a third party involved, legal threats…' }) @IsOptional() @IsBoolean() complex?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() caseId?: string;
}
