import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';

// Each class is both the stored definition, the GraphQL answer and (as …Input) the argument of setTierScheme.
@ObjectType()
@InputType('TierBenefitsInput')
export class TierBenefits {
  @Field(() => String) @IsString() birthdayGift!: string;
  @Field(() => Int) @IsInt() @Min(0) earlyAccessHours!: number;
  @Field(() => Boolean) @IsBoolean() freeShipping!: boolean;
  @Field(() => Boolean) @IsBoolean() priorityShipping!: boolean;
  @Field(() => Boolean) @IsBoolean() dedicatedAgent!: boolean;
  @Field(() => Boolean) @IsBoolean() designerConsultation!: boolean;
}

@ObjectType()
@InputType('TierDefinitionInput')
export class TierDefinition {
  @Field(() => String) @IsString() @Length(1, 32) code!: string;
  @Field(() => String) @IsString() @Length(1, 64) name!: string;
  @Field(() => Int) @IsInt() @Min(0) rank!: number;
  @Field(() => Int, { description: 'Qualifies on rolling 12-month spend of at least this (fen)…' }) @IsInt() @Min(0) spendFen!: number;
  @Field(() => Int, { description: '…or on an interaction score of at least this (0 = spend only)' }) @IsInt() @Min(0) score!: number;
  @Field(() => Boolean, { nullable: true, description: 'Never reached by rules, only granted (and then never lost)' })
  @IsOptional()
  @IsBoolean()
  lifetimeOnly?: boolean;
  @Field(() => TierBenefits) @ValidateNested() @Type(() => TierBenefits) benefits!: TierBenefits;
}

/** A tier scheme: 三阶, silver/gold/black-diamond, five tiers from explorer to collector… */
@ObjectType()
@InputType('TierSchemeInput')
export class TierScheme {
  @Field(() => String) @IsString() @Length(1, 32) code!: string;
  @Field(() => String) @IsString() @Length(1, 100) name!: string;
  @Field(() => Int) @IsInt() @Min(1) reviewMonths!: number;
  @Field(() => [TierDefinition]) @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => TierDefinition) tiers!: TierDefinition[];
}

export interface MemberStanding {
  readonly spendFen: number;
  readonly score: number;
}

/** The highest tier the rules grant for this standing (never a lifetime-only tier). */
export function qualifyingTier(scheme: TierScheme, standing: MemberStanding): TierDefinition {
  const ladder = scheme.tiers.filter((t) => !t.lifetimeOnly).sort((a, b) => a.rank - b.rank);
  let best = ladder[0];
  for (const tier of ladder) {
    const bySpend = standing.spendFen >= tier.spendFen;
    const byScore = tier.score > 0 && standing.score >= tier.score;
    if (bySpend || byScore) best = tier;
  }
  return best;
}

export type TierDecision =
  { readonly change: 'upgrade'; readonly to: TierDefinition } | { readonly change: 'downgrade'; readonly to: TierDefinition } | { readonly change: 'none' };

/**
 * Upgrades apply at once; downgrades only when the member's review date plus the grace period
 * has passed; a lifetime lock keeps the tier whatever happens.
 */
export function decideTier(
  scheme: TierScheme,
  current: { code: string; lifetime: boolean; reviewAt: Date },
  standing: MemberStanding,
  now: Date,
  graceDays: number,
): TierDecision {
  if (current.lifetime) return { change: 'none' };
  const currentRank = scheme.tiers.find((t) => t.code === current.code)?.rank ?? 0;
  const target = qualifyingTier(scheme, standing);
  if (target.rank > currentRank) return { change: 'upgrade', to: target };
  const reviewDue = now.getTime() >= current.reviewAt.getTime() + graceDays * 86_400_000;
  if (target.rank < currentRank && reviewDue) return { change: 'downgrade', to: target };
  return { change: 'none' };
}
