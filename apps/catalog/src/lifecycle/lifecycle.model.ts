import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { LifecycleStageValue } from '../products/product.entity';

@ObjectType()
export class LifecycleChange {
  @Field(() => LifecycleStageValue) from!: LifecycleStageValue;
  @Field(() => LifecycleStageValue) to!: LifecycleStageValue;
  @Field(() => String) actor!: string;
  @Field(() => String) reason!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType({ description: 'Why a product failed, kept (and searchable) for future selection' })
export class ExitReview {
  @Field(() => String) productCode!: string;
  @Field(() => String) productTitle!: string;
  @Field(() => String) whyFailed!: string;
  @Field(() => String) lessons!: string;
  @Field(() => String) actor!: string;
  @Field(() => Date) at!: Date;
}

@InputType()
export class ExitReviewInput {
  @Field(() => String) @IsString() @Length(10, 4000, { message: 'whyFailed must say why, in 10 to 4000 characters' }) whyFailed!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 4000) lessons?: string;
}

@InputType()
export class ChangeLifecycleInput {
  @Field(() => String) @IsString() @Length(1, 64) productCode!: string;
  @Field(() => LifecycleStageValue) @IsEnum(LifecycleStageValue) to!: LifecycleStageValue;
  @Field(() => String) @IsString() @Length(1, 500) reason!: string;
  @Field(() => ExitReviewInput, { nullable: true, description: 'Required when moving to EXIT' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExitReviewInput)
  review?: ExitReviewInput;
}
