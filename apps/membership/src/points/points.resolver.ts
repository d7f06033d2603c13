import { Args, createUnionType, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Ctx, invalidField, NotFoundError, refuse, Roles, UnitOfWork, type RequestContext } from '@shopops/platform';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { assertSelfOrStaff } from '../members/member-access';
import { InsufficientPointsError } from '../rewards/reward.model';
import { PointsLedger } from './points-ledger';

@InputType()
export class PointsChangeInput {
  @Field(() => ID) @IsUUID() memberId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000_000) points!: number;
  @Field(() => String) @IsString() @Length(1, 200) reason!: string;
  @Field(() => String, { description: 'Repeat the same key to retry safely' }) @IsString() @Length(8, 128) idempotencyKey!: string;
}

@ObjectType()
export class PointsBalance {
  @Field(() => ID) memberId!: string;
  @Field(() => Int) balance!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) debt!: number;
}

export const SpendPointsResult = createUnionType({ name: 'SpendPointsResult', types: () => [PointsBalance, InsufficientPointsError, NotFoundError] as const, resolveType: (v: object) => v.constructor });
export const GrantPointsResult = createUnionType({ name: 'GrantPointsResult', types: () => [PointsBalance, NotFoundError] as const, resolveType: (v: object) => v.constructor });

@Resolver()
export class PointsResolver {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: PointsLedger,
  ) {}

  @Roles('operator', 'member')
  @Mutation(() => SpendPointsResult, { description: 'Spends points, oldest lots first; idempotent by key.' })
  spendPoints(@Ctx() ctx: RequestContext, @Args('input') input: PointsChangeInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.unitOfWork.run(ctx, async (tx) => {
      if (!(await tx.em.query(`SELECT 1 FROM member WHERE id = $1 AND status = 'ACTIVE'`, [input.memberId])).length) refuse(NotFoundError.of('Member', input.memberId));
      const key = `spend:${input.idempotencyKey}`;
      if (await this.ledger.keyTakenByAnother(tx, key, input.memberId)) throw invalidField('idempotencyKey', 'is already used by another operation: use a new key');
      const outcome = await this.ledger.spend(tx, { memberId: input.memberId, key, points: input.points, source: input.reason });
      if (!outcome.spent) refuse(InsufficientPointsError.of(outcome.balance, input.points));
      return this.balance(tx.em, input.memberId);
    });
  }

  @Roles('operator')
  @Mutation(() => GrantPointsResult, { description: 'A goodwill grant or correction, usable at once; idempotent by key.' })
  grantPoints(@Ctx() ctx: RequestContext, @Args('input') input: PointsChangeInput) {
    return this.unitOfWork.run(ctx, async (tx) => {
      if (!(await tx.em.query(`SELECT 1 FROM member WHERE id = $1 AND status = 'ACTIVE'`, [input.memberId])).length) refuse(NotFoundError.of('Member', input.memberId));
      await this.ledger.grant(tx, { memberId: input.memberId, key: `grant:${input.idempotencyKey}`, points: input.points, source: `${input.reason} (by ${ctx.identity.subject})`, kind: 'ADJUSTMENT' });
      return this.balance(tx.em, input.memberId);
    });
  }

  private async balance(em: { query: (sql: string, params: unknown[]) => Promise<Array<Record<string, number>>> }, memberId: string): Promise<PointsBalance> {
    const [m] = await em.query(`SELECT points_balance, points_pending, points_debt FROM member WHERE id = $1`, [memberId]);
    return Object.assign(new PointsBalance(), { memberId, balance: m.points_balance, pending: m.points_pending, debt: m.points_debt });
  }
}


