import { Field, Float, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsString, Length, Matches } from 'class-validator';

@ObjectType()
export class Article {
  @Field(() => ID) id!: string;
  @Field(() => String) intent!: string;
  @Field(() => String) title!: string;
  @Field(() => String) answer!: string;
  @Field(() => [String]) questions!: string[];
}

@InputType()
export class ArticleInput {
  @Field(() => String) @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'intent must be lower-case words joined by dashes' }) intent!: string;
  @Field(() => String) @IsString() @Length(1, 200) title!: string;
  @Field(() => String) @IsString() @Length(1, 4000) answer!: string;
  @Field(() => [String], { description: 'Ways buyers ask it' })
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  questions!: string[];
}

@ObjectType()
export class BotAnswer {
  @Field(() => Boolean) answered!: boolean;
  @Field(() => String, { nullable: true }) intent!: string | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => Float) confidence!: number;
  @Field(() => String) sentiment!: string;
  @Field(() => String, { nullable: true, description: 'low-confidence, negative-sentiment or handover-keyword' }) handoverReason!: string | null;
}
