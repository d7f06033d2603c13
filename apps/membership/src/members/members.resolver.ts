import { Args, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Ctx, forbidden, groupByKey, alignByKey, Loaders, Public, Roles, type GraphQLContext, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { MemberIdentity } from './member-identity.entity';
import { Member } from './member.entity';
import { MembersService } from './members.service';

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly members: MembersService) {}

  @Roles('operator', 'cs_agent', 'analyst', 'member')
  @Query(() => Member, { nullable: true, description: 'The member behind a platform account, e.g. ("taobao", "tb_8812731").' })
  async memberByIdentity(
    @Ctx() ctx: RequestContext,
    @Args('platform') platform: string,
    @Args('platformUserId') platformUserId: string,
  ): Promise<Member | null> {
    const member = await this.members.findByIdentity(platform, platformUserId);
    assertMayRead(ctx, member?.id);
    return member;
  }

  @Roles('operator', 'cs_agent', 'analyst', 'member')
  @ResolveField(() => [MemberIdentity])
  identities(@Ctx() ctx: RequestContext, @Parent() member: Member, @Loaders() loaders: LoaderRegistry): Promise<MemberIdentity[]> {
    assertMayRead(ctx, member.id);
    return loaders
      .get<string, MemberIdentity[]>('identitiesByMember', async (ids) =>
        groupByKey(ids, await this.members.identitiesOf(ids), (i) => i.memberId),
      )
      .load(member.id);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }, context: GraphQLContext): Promise<Member | undefined> {
    return context.loaders
      .get<string, Member | undefined>('memberById', async (ids) => alignByKey(ids, await this.members.findByIds(ids), (m) => m.id))
      .load(reference.id);
  }
}

/** A member token reads only its own member; staff roles read any. */
export function assertMayRead(ctx: RequestContext, memberId: string | undefined): void {
  if (ctx.identity.role === 'member' && memberId !== undefined && ctx.identity.memberId !== memberId) {
    throw forbidden('A member may read only their own membership');
  }
}
