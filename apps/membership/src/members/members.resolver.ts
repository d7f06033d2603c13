import { Args, createUnionType, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { alignByKey, Ctx, forbidden, groupByKey, invalidField, Loaders, NotFoundError, Public, Roles, type GraphQLContext, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, InputType } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { CouponsService } from '../coupons/coupons.service';
import { Coupon, CouponStatus } from '../coupons/coupon.model';
import { EventBooking } from '../events-booking/exclusive-event.model';
import { ExclusiveEventsService } from '../events-booking/exclusive-events.service';
import { Consent } from '../privacy/privacy.model';
import { PrivacyService } from '../privacy/privacy.service';
import { TiersService } from '../tiers/tiers.service';
import { assertSelfOrStaff } from './member-access';
import { IdentityVerificationRequiredError, InvalidVerificationCodeError, LinkIdentityOutcome, MemberIdentityView, PointsEntryView, RfmView } from './member-fields';
import { Member, MemberTier, PointsSummary, TierBenefitsView } from './member.model';
import { MembersService } from './members.service';

const READERS = ['operator', 'cs_agent', 'analyst', 'member'] as const;

@InputType()
export class LinkIdentityInput {
  @Field(() => ID) @IsString() @Length(36, 36) memberId!: string;
  @Field(() => String, { description: 'taobao, douyin, mall, wechat (union id), …' }) @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'platform must be a lowercase platform name' }) platform!: string;
  @Field(() => String) @IsString() @Length(1, 128) platformUserId!: string;
  @Field(() => String, { nullable: true, description: 'Admin only: why the account’s member is the same person; merges that member into this one' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'mergeReason must say why' })
  mergeReason?: string;
  @Field(() => String, { nullable: true, description: 'The one-time code sent to the account when it belongs to another member' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'verificationCode must be the 6 digits sent to the account' })
  verificationCode?: string;
}

export const LinkIdentityResult = createUnionType({
  name: 'LinkIdentityResult',
  types: () => [LinkIdentityOutcome, NotFoundError, IdentityVerificationRequiredError, InvalidVerificationCodeError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver(() => Member)
export class MembersResolver {
  constructor(
    private readonly membersService: MembersService,
    private readonly tiersService: TiersService,
    private readonly couponsService: CouponsService,
    private readonly eventsService: ExclusiveEventsService,
    private readonly privacyService: PrivacyService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles(...READERS)
  @Query(() => Member, { nullable: true, description: 'The member behind a platform account, e.g. ("taobao", "tb_8812731").' })
  async memberByIdentity(@Ctx() ctx: RequestContext, @Args('platform') platform: string, @Args('platformUserId') platformUserId: string): Promise<Member | null> {
    const record = await this.membersService.findByIdentity(platform, platformUserId);
    // A member hears null for another's account and for no account alike: the answer says nothing about others.
    if (!record || (ctx.identity.role === 'member' && record.id !== ctx.identity.memberId)) return null;
    return Member.from(record);
  }

  @Roles(...READERS)
  @Query(() => Member, { nullable: true })
  async member(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Loaders() loaders: LoaderRegistry): Promise<Member | null> {
    assertSelfOrStaff(ctx, id);
    return (await this.byId(loaders).load(id)) ?? null;
  }

  @Roles('cs_agent', 'operator')
  @Query(() => Member, { nullable: true, description: 'Finds a member by phone (matched on a keyed hash; phones are never stored in clear).' })
  async memberByPhone(@Args('phone') phone: string): Promise<Member | null> {
    const record = await this.membersService.findByPhone(phone);
    return record ? Member.from(record) : null;
  }

  @Roles('cs_agent', 'operator', 'member')
  @Mutation(() => LinkIdentityResult, {
    description: 'Links a platform account. One another member holds needs proof: the code sent to it (verificationCode), or an admin’s mergeReason; with it that member is merged in.',
  })
  async linkIdentity(@Ctx() ctx: RequestContext, @Args('input') input: LinkIdentityInput): Promise<LinkIdentityOutcome | NotFoundError | IdentityVerificationRequiredError | InvalidVerificationCodeError> {
    assertSelfOrStaff(ctx, input.memberId);
    if (input.mergeReason !== undefined && ctx.identity.role !== 'admin') throw forbidden('Merging members (mergeReason) needs the admin role');
    const [exists] = await this.dataSource.query(`SELECT 1 FROM member WHERE id::text = $1 AND status = 'ACTIVE'`, [input.memberId]);
    if (!exists) return NotFoundError.of('Member', input.memberId);
    const claim = { memberId: input.memberId, platform: input.platform, platformUserId: input.platformUserId };
    const outcome = await this.membersService.linkIdentity(ctx, claim, { mergeReason: input.mergeReason, verificationCode: input.verificationCode });
    if (outcome.kind === 'verification-sent') return IdentityVerificationRequiredError.of(input.platform, input.platformUserId, outcome.expiresAt);
    if (outcome.kind === 'wrong-code') return InvalidVerificationCodeError.of(input.platform, input.platformUserId);
    return Object.assign(new LinkIdentityOutcome(), { memberId: input.memberId, outcome: outcome.kind });
  }

  @Roles('admin')
  @Mutation(() => Member, { nullable: true, description: 'Merges a duplicate member into a survivor (accounts, points, coupons, orders, bookings); the reason is audited.' })
  async mergeMembers(
    @Ctx() ctx: RequestContext,
    @Args('survivorId', { type: () => ID }) survivorId: string,
    @Args('mergedId', { type: () => ID }) mergedId: string,
    @Args('reason') reason: string,
  ) {
    if (!reason.trim() || reason.length > 500) throw invalidField('reason', 'must be 1 to 500 characters');
    if (survivorId === mergedId) throw invalidField('mergedId', 'must differ from survivorId');
    await this.membersService.mergeById(ctx, survivorId, mergedId, reason);
    const [record] = await this.membersService.findByIds([survivorId]);
    return record ? Member.from(record) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Sealed at rest, shown to every reader' })
  @Roles(...READERS)
  nickname(@Parent() m: Member): string | null {
    return this.privacyService.nicknameOf(m.record);
  }

  @ResolveField(() => String, { nullable: true, description: 'Masked (138****8000) unless the role needs it; clear reads are audited' })
  @Roles(...READERS)
  phone(@Ctx() ctx: RequestContext, @Parent() m: Member) {
    return this.privacyService.read(ctx, m.id, 'phone', m.record.phoneSealed);
  }

  @ResolveField(() => String, { nullable: true })
  @Roles(...READERS)
  address(@Ctx() ctx: RequestContext, @Parent() m: Member) {
    return this.privacyService.read(ctx, m.id, 'address', m.record.addressSealed);
  }

  @ResolveField(() => String, { nullable: true })
  @Roles(...READERS)
  birthday(@Ctx() ctx: RequestContext, @Parent() m: Member) {
    return this.privacyService.read(ctx, m.id, 'birthday', m.record.birthdaySealed);
  }

  @ResolveField(() => MemberTier)
  @Roles(...READERS)
  async tier(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<MemberTier> {
    const scheme = await loaders.get<string, Awaited<ReturnType<TiersService['activeScheme']>>>('tierScheme', async (keys) => {
      const s = await this.tiersService.activeScheme(this.dataSource.manager);
      return keys.map(() => s);
    }).load('active');
    const tier = this.tiersService.tierOf(scheme, m.record.tierCode);
    return { code: tier.code, name: tier.name, rank: tier.rank, since: m.record.tierSince, reviewAt: m.record.tierReviewAt, lifetime: m.record.lifetimeTier };
  }

  @ResolveField(() => TierBenefitsView, { description: 'What the member’s tier gives' })
  @Roles(...READERS)
  async benefits(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<TierBenefitsView> {
    const scheme = await loaders.get<string, Awaited<ReturnType<TiersService['activeScheme']>>>('tierScheme', async (keys) => {
      const s = await this.tiersService.activeScheme(this.dataSource.manager);
      return keys.map(() => s);
    }).load('active');
    return this.tiersService.tierOf(scheme, m.record.tierCode).benefits;
  }

  @ResolveField(() => PointsSummary)
  @Roles(...READERS)
  points(@Parent() m: Member): PointsSummary {
    return { balance: m.record.pointsBalance, pending: m.record.pointsPending, debt: m.record.pointsDebt };
  }

  @ResolveField(() => [PointsEntryView], { description: 'The points ledger, newest first' })
  @Roles(...READERS)
  async pointsHistory(@Parent() m: Member, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<PointsEntryView[]> {
    const rows: Array<{ kind: string; delta: number; pending_delta: number; debt_delta: number; source: string; operation_key: string; created_at: Date }> = await this.dataSource.query(
      `SELECT kind, delta, pending_delta, debt_delta, source, operation_key, created_at FROM points_entry WHERE member_id = $1 ORDER BY id DESC LIMIT $2`,
      [m.id, Math.min(Math.max(first, 1), 500)],
    );
    return rows.map((r) => ({ kind: r.kind, delta: r.delta, pendingDelta: r.pending_delta, debtDelta: r.debt_delta, source: r.source, operationKey: r.operation_key, createdAt: r.created_at }));
  }

  @ResolveField(() => [MemberIdentityView])
  @Roles(...READERS)
  identities(@Parent() m: Member, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, MemberIdentityView[]>('identitiesByMember', async (ids) => groupByKey(ids, await this.membersService.identitiesOf(ids), (i) => i.memberId)).load(m.id);
  }

  @ResolveField(() => [Coupon])
  @Roles(...READERS)
  async coupons(@Parent() m: Member, @Loaders() loaders: LoaderRegistry, @Args('status', { type: () => CouponStatus, nullable: true }) status?: CouponStatus) {
    const all = await loaders.get<string, Coupon[]>('couponsByMember', async (ids) => groupByKey(ids, await this.couponsService.couponsOf(ids), (c) => c.memberId)).load(m.id);
    return status ? all.filter((c) => c.status === status) : all;
  }

  @ResolveField(() => [EventBooking])
  @Roles(...READERS)
  bookings(@Parent() m: Member, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, EventBooking[]>('bookingsByMember', async (ids) => groupByKey(ids, await this.eventsService.bookingsOf(ids), (b) => b.memberId)).load(m.id);
  }

  @ResolveField(() => [Consent])
  @Roles(...READERS)
  consents(@Parent() m: Member, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, Consent[]>('consentsByMember', async (ids) => groupByKey(ids, await this.privacyService.consentsOf(ids), (c) => c.memberId)).load(m.id);
  }

  @ResolveField(() => RfmView, { nullable: true })
  @Roles('operator', 'cs_agent', 'analyst')
  rfm(@Parent() m: Member, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get<string, RfmView | undefined>('rfmByMember', async (ids) => {
        const rows: Array<{ member_id: string; recency_days: number | null; frequency: number; monetary_fen: string; r: number; f: number; m: number; tags: string[]; computed_at: Date }> =
          await this.dataSource.query(`SELECT * FROM member_rfm WHERE member_id = ANY($1::uuid[])`, [ids]);
        return alignByKey(
          ids,
          rows.map((r) => ({ memberId: r.member_id, recencyDays: r.recency_days, frequency: r.frequency, monetaryFen: Number(r.monetary_fen), r: r.r, f: r.f, m: r.m, tags: r.tags, computedAt: r.computed_at })),
          (r) => r.memberId,
        );
      })
      .load(m.id);
  }

  @ResolveField(() => [String], { description: 'Codes of the segments the member is in' })
  @Roles('operator', 'cs_agent', 'analyst')
  segments(@Parent() m: Member, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get<string, string[]>('segmentsByMember', async (ids) => {
        const rows: Array<{ member_id: string; segment_code: string }> = await this.dataSource.query(`SELECT member_id, segment_code FROM segment_member WHERE member_id = ANY($1::uuid[]) ORDER BY segment_code`, [ids]);
        return groupByKey(ids, rows, (r) => r.member_id).map((g) => g.map((r) => r.segment_code));
      })
      .load(m.id);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext): Promise<Member | undefined> {
    return this.byId(context.loaders).load(reference.id);
  }

  private byId(loaders: LoaderRegistry) {
    return loaders.get<string, Member | undefined>('memberById', async (ids) => alignByKey(ids, (await this.membersService.findByIds(ids)).map(Member.from), (m) => m.id));
  }
}
