import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { SegmentCondition, SegmentRule } from './rfm';

/** One condition; its value is exactly one of number, text, numbers (for `in`) or texts (for `in`). */
@ObjectType('SegmentCondition')
@InputType('SegmentConditionInput')
export class SegmentConditionDefinition {
  @Field(() => String, { description: 'r, f, m, recencyDays, frequency, monetaryFen, tier, communityLevel, tags, interactionScore or stage' })
  @IsString()
  @Length(1, 32)
  field!: string;

  @Field(() => String, { description: '>=, <=, =, in or contains' }) @IsString() @Length(1, 8) op!: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() number?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 100) text?: string | null;
  @Field(() => [Float], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsNumber({}, { each: true }) numbers?: number[] | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) texts?: string[] | null;
}

/** A member is in the segment when every `all` condition and, if any are given, one `any` condition holds. */
@ObjectType('SegmentRule')
@InputType('SegmentRuleInput')
export class SegmentRuleDefinition {
  @Field(() => [SegmentConditionDefinition], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SegmentConditionDefinition)
  all?: SegmentConditionDefinition[] | null;

  @Field(() => [SegmentConditionDefinition], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SegmentConditionDefinition)
  any?: SegmentConditionDefinition[] | null;
}

@ObjectType()
export class SegmentView {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => SegmentRuleDefinition) rule!: SegmentRuleDefinition;
  @Field(() => Int) members!: number;
}

/** A segment as stored, with how many members it has. */
export interface SegmentRow {
  readonly code: string;
  readonly name: string;
  readonly rule: SegmentRule;
  readonly members: number;
}

export function toSegmentView(row: SegmentRow): SegmentView {
  return { code: row.code, name: row.name, rule: ruleDefinition(row.rule), members: row.members };
}

/** A member's RFM scores and behaviour tags as last computed. */
@ObjectType()
export class RfmView {
  @Field(() => Int, { nullable: true }) recencyDays!: number | null;
  @Field(() => Int) frequency!: number;
  @Field(() => Int, { description: 'Net spend in the last 365 days (fen)' }) monetaryFen!: number;
  @Field(() => Int) r!: number;
  @Field(() => Int) f!: number;
  @Field(() => Int) m!: number;
  @Field(() => [String], {
    description: 'high-value, loyal, at-risk, new, price-sensitive, reviewer, dormant, browser, impulse-buyer and style:<tag> (up to three)',
  })
  tags!: string[];
  @Field(() => String, { description: 'reach, engage (views, reviews or chats), convert (one paid order in a year) or retain (two or more)' }) stage!: string;
  @Field(() => Date) computedAt!: Date;
}

/** The stored condition's value, or the reason it has none or several. */
function valueOf(condition: SegmentConditionDefinition): { value: SegmentCondition['value'] } | { problem: string } {
  const given = [condition.number, condition.text, condition.numbers, condition.texts].filter((v) => v !== undefined && v !== null);
  if (given.length !== 1) return { problem: `condition on "${condition.field}" needs exactly one of number, text, numbers, texts` };
  return { value: given[0] as SegmentCondition['value'] };
}

/** The stored (JSON) form of a rule, or the reason it cannot be one; fields and operators are checked by `ruleProblem`. */
export function storedRule(definition: SegmentRuleDefinition): { rule: SegmentRule } | { problem: string } {
  const stored: Record<'all' | 'any', SegmentCondition[]> = { all: [], any: [] };
  for (const list of ['all', 'any'] as const) {
    for (const condition of definition[list] ?? []) {
      const checked = valueOf(condition);
      if ('problem' in checked) return checked;
      stored[list].push({ field: condition.field, op: condition.op, value: checked.value } as SegmentCondition);
    }
  }
  return { rule: stored };
}

/** The GraphQL form of a stored rule. */
export function ruleDefinition(rule: SegmentRule): SegmentRuleDefinition {
  const condition = ({ field, op, value }: SegmentCondition): SegmentConditionDefinition => {
    if (typeof value === 'number') return { field, op, number: value };
    if (typeof value === 'string') return { field, op, text: value };
    return value.every((v) => typeof v === 'number') ? { field, op, numbers: value } : { field, op, texts: value.map(String) };
  };
  return { all: (rule.all ?? []).map(condition), any: (rule.any ?? []).map(condition) };
}
