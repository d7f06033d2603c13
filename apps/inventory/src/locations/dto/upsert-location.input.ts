import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { LocationKind } from '../location.entity';

@InputType()
export class UpsertLocationInput {
  @Field(() => String)
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: 'code must be upper-case letters, digits and dashes' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 200) name!: string;
  @Field(() => LocationKind) @IsEnum(LocationKind) kind!: LocationKind;
  @Field(() => [String], { description: 'Region code prefixes served first, e.g. ["31", "32"]' })
  @ArrayMaxSize(100)
  @Matches(/^[0-9]{2,6}$/, { each: true, message: 'regions must be 2 to 6 digit region code prefixes' })
  regions!: string[];
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(0) @Max(10_000) priority = 100;
}
