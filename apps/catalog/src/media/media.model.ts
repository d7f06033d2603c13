import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUrl, Length, Max, Min, ValidateNested } from 'class-validator';

export enum MediaKind {
  IMAGE = 'IMAGE',
  VIDEO = 'VIDEO',
}
registerEnumType(MediaKind, { name: 'MediaKind' });

@ObjectType()
export class ProductMedia {
  @Field(() => MediaKind) kind!: MediaKind;
  @Field(() => String) url!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field(() => Int, { nullable: true }) durationSeconds!: number | null;
  @Field(() => Int) position!: number;
}

@ObjectType({ description: 'How a product stands against the media standard (一物多图)' })
export class MediaCompleteness {
  @Field(() => String) productCode!: string;
  @Field(() => Boolean) complete!: boolean;
  @Field(() => Int, { description: 'Images at or above the minimum size' }) qualifyingImages!: number;
  @Field(() => Int) images!: number;
  @Field(() => Int) videos!: number;
  @Field(() => [String], { description: 'e.g. "2 more images of at least 800 px", "1 more video"' }) missing!: string[];
}

@InputType()
export class MediaItemInput {
  @Field(() => MediaKind) @IsEnum(MediaKind) kind!: MediaKind;
  @Field(() => String) @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'url must be an https URL' }) @Length(1, 1000) url!: string;
  @Field(() => Int, { description: 'Pixels' }) @IsInt() @Min(1) @Max(20_000) width!: number;
  @Field(() => Int, { description: 'Pixels' }) @IsInt() @Min(1) @Max(20_000) height!: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(600) durationSeconds?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000) position?: number;
}

@InputType()
export class AddProductMediaInput {
  @Field(() => String) @IsString() @Length(1, 64) productCode!: string;
  @Field(() => [MediaItemInput]) @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MediaItemInput) media!: MediaItemInput[];
}
