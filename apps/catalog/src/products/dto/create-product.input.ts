import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CODE_MESSAGE = 'may hold letters, digits, dot, dash and underscore';

@InputType()
export class SkuOptionInput {
  @Field(() => String) @IsString() @Length(1, 32) name!: string;
  @Field(() => String) @IsString() @Length(1, 64) value!: string;
}

@InputType()
export class CreateSkuInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => Int, { description: 'List price in fen; 0 or more' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  listPriceFen!: number;

  @Field(() => [SkuOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => SkuOptionInput)
  options?: SkuOptionInput[];
}

@InputType()
export class CreateProductInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(CODE, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  categoryCode?: string;

  @Field(() => [CreateSkuInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreateSkuInput)
  skus!: CreateSkuInput[];
}
