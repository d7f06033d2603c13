import { Args, createUnionType, ID, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import {
  alignByKey,
  Ctx,
  forbidden,
  groupByKey,
  invalidField,
  Loaders,
  NotFoundError,
  Public,
  Roles,
  type GraphQLContext,
  type LoaderRegistry,
  type RequestContext,
} from '@shopops/platform';
import {
  IdentityVerificationRequiredError,
  InvalidVerificationCodeError,
  LinkIdentityInput,
  LinkIdentityOutcome,
  MemberIdentityView,
} from './identity-link.model';
import { assertSelfOrStaff, MEMBER_READERS } from './member-access';
import { Member } from './member.model';
import { MembersService } from './members.service';

export const LinkIdentityResult = createUnionType({
  name: 'LinkIdentityResult',
  types: () => [LinkIdentityOutcome, NotFoundError, IdentityVerificationRequiredError, InvalidVerificationCodeError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly membersService: MembersService) {}

  @Roles(...MEMBER_READERS)
  @Query(() => Member, { nullable: true, description: 'The member behind a platform account, e.g. ("taobao", "tb_8812731").' })
  async memberByIdentity(
    @Ctx() ctx: RequestContext,
    @Args('platform') platform: string,
    @Args('platformUserId') platformUserId: string,
  ): Promise<Member | null> {
    const record = await this.membersService.findByIdentity(platform, platformUserId);
    // A member hears null for another's account and for no account alike: the answer says nothing about others.
    if (!record || (ctx.identity.role === 'member' && record.id !== ctx.identity.memberId)) return null;
    return Member.from(record);
  }

  @Roles(...MEMBER_READERS)
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
    description:
      'Links a platform account. One another member holds needs proof: the code sent to it (verificationCode), or an admin’s mergeReason; with it that member is merged in.',
  })
  async linkIdentity(
    @Ctx() ctx: RequestContext,
    @Args('input') input: LinkIdentityInput,
  ): Promise<LinkIdentityOutcome | NotFoundError | IdentityVerificationRequiredError | InvalidVerificationCodeError> {
    assertSelfOrStaff(ctx, input.memberId);
    if (input.mergeReason !== undefined && ctx.identity.role !== 'admin') throw forbidden('Merging members (mergeReason) needs the admin role');
    if (!(await this.membersService.isActive(input.memberId))) return NotFoundError.of('Member', input.memberId);
    const claim = { memberId: input.memberId, platform: input.platform, platformUserId: input.platformUserId };
    const outcome = await this.membersService.linkIdentity(ctx, claim, { mergeReason: input.mergeReason, verificationCode: input.verificationCode });
    if (outcome.kind === 'verification-sent') return IdentityVerificationRequiredError.of(input.platform, input.platformUserId, outcome.expiresAt);
    if (outcome.kind === 'wrong-code') return InvalidVerificationCodeError.of(input.platform, input.platformUserId);
    return Object.assign(new LinkIdentityOutcome(), { memberId: input.memberId, outcome: outcome.kind });
  }

  @Roles('admin')
  @Mutation(() => Member, {
    nullable: true,
    description: 'Merges a duplicate member into a survivor (accounts, points, coupons, orders, bookings); the reason is audited.',
  })
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

  @ResolveField()
  @Roles(...MEMBER_READERS)
  identities(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<MemberIdentityView[]> {
    return loaders
      .get<string, MemberIdentityView[]>('identitiesByMember', async (ids) => groupByKey(ids, await this.membersService.identitiesOf(ids), (i) => i.memberId))
      .load(m.id);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext): Promise<Member | undefined> {
    return this.byId(context.loaders).load(reference.id);
  }

  private byId(loaders: LoaderRegistry) {
    return loaders.get<string, Member | undefined>('memberById', async (ids) =>
      alignByKey(ids, (await this.membersService.findByIds(ids)).map(Member.from), (m) => m.id),
    );
  }
}
