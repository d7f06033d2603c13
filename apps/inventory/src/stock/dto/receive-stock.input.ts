import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

@InputType()
export class ReceiveStockInput {
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => String) @IsString() @Length(1, 32) locationCode!: string;

  @Field(() => Int, { description: 'Units received; at least 1' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}
