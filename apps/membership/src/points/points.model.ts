import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

@ObjectType()
export class PointsSummary {
  @Field(() => Int, { description: 'Spendable points; equals the sum of the points ledger' }) balance!: number;
  @Field(() => Int, { description: 'Earned, waiting for the return window to pass' }) pending!: number;
  @Field(() => Int, { description: 'Clawed back after being spent, owed from future points' }) debt!: number;
}

@ObjectType()
export class PointsEntryView {
  @Field(() => String) kind!: string;
  @Field(() => Int) delta!: number;
  @Field(() => Int) pendingDelta!: number;
  @Field(() => Int) debtDelta!: number;
  @Field(() => String) source!: string;
  @Field(() => String) operationKey!: string;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class PointsChangeInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000_000) points!: number;
  @Field(() => String) @IsString() @Length(1, 200) reason!: string;
  @Field(() => String, { description: 'Repeat the same key to retry safely' }) @IsString() @Length(8, 128) idempotencyKey!: string;
}

@ObjectType()
export class PointsBalance {
  @Field(() => ID) memberId!: string;
  @Field(() => Int) balance!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) debt!: number;
}

@ObjectType({ implements: () => [ErrorResult] })
export class InsufficientPointsError extends ErrorResult {
  @Field(() => Int) balance!: number;
  @Field(() => Int) required!: number;
  static of(balance: number, required: number): InsufficientPointsError {
    return Object.assign(new InsufficientPointsError(), {
      errorCode: 'INSUFFICIENT_POINTS',
      message: `${required} points needed; the member has ${balance}`,
      balance,
      required,
    });
  }
}
