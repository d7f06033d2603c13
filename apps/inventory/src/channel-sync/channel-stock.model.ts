import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

@ObjectType()
export class ChannelStockPolicyView {
  @Field(() => String) channel!: string;
  @Field(() => Int, { description: 'Share of available stock offered on the channel' }) sharePercent!: number;
  @Field(() => Int, { description: 'Below this the channel shows 0' }) floor!: number;
  @Field(() => Int, { description: 'Extra units sold ahead of stock (pre-sale)' }) virtualStock!: number;
}

@ObjectType()
export class ChannelStockView {
  @Field(() => String) channel!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Date) updatedAt!: Date;
}

@InputType()
export class ChannelStockPolicyInput {
  @Field(() => String) @IsString() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a lowercase channel name' }) channel!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(100) sharePercent!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) floor!: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) virtualStock!: number;
}
