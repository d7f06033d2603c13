import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsISO8601, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export enum CollectionKind {
  IP_COLLABORATION = 'IP_COLLABORATION',
  CO_BRAND = 'CO_BRAND',
  REGIONAL = 'REGIONAL',
  SEASONAL = 'SEASONAL',
}
registerEnumType(CollectionKind, { name: 'CollectionKind', description: 'IP 联名, museum and brand co-brands, regional editions, seasonal themes' });

@ObjectType()
export class Collection {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => CollectionKind) kind!: CollectionKind;
  @Field(() => String, { nullable: true }) partner!: string | null;
  @Field(() => Int, { nullable: true, description: 'Units in the limited run' }) limitedRun!: number | null;
  @Field(() => [String], { description: 'Region code prefixes of a regional edition, e.g. 31 (Shanghai), 44 (Guangdong)' }) regionCodes!: string[];
  @Field(() => String, { nullable: true }) theme!: string | null;
  @Field(() => Date, { nullable: true }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true }) endsAt!: Date | null;
  @Field(() => Boolean, { description: 'Inside its date window now' }) current!: boolean;
}

@InputType()
export class CollectionInput {
  @Field(() => String)
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'code must be upper-case letters, digits, dash and underscore' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 120) name!: string;
  @Field(() => CollectionKind) @IsEnum(CollectionKind) kind!: CollectionKind;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 120) partner?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(10_000_000) limitedRun?: number;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @Matches(/^\d{2,6}$/, { each: true, message: 'regionCodes must be 2 to 6 digit administrative codes' })
  regionCodes?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 120) theme?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsISO8601({ strict: true }) startsAt?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsISO8601({ strict: true }) endsAt?: string;
}
