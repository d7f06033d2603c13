import { Args, createUnionType, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Ctx, invalidField, NotFoundError, Roles, type RequestContext } from '@shopops/platform';
import { assertSelfOrStaff } from '../members/member-access';
import { Member } from '../members/member.model';
import { MembersService } from '../members/members.service';
import { MemberDataExportService } from './member-data-export.service';
import { MemberErasureService } from './member-erasure.service';
import { Consent, ConsentInput, ErasureReceipt, MemberDataExport, MemberProfileInput } from './privacy.model';
import { PrivacyService } from './privacy.service';

export const ProfileResult = createUnionType({
  name: 'UpdateProfileResult',
  types: () => [Member, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});
export const ConsentResult = createUnionType({
  name: 'SetConsentResult',
  types: () => [Consent, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});
export const DataExportResult = createUnionType({
  name: 'MemberDataExportResult',
  types: () => [MemberDataExport, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});
export const ErasureResult = createUnionType({
  name: 'EraseMemberResult',
  types: () => [ErasureReceipt, NotFoundError] as const,
  resolveType: (v: object) => v.constructor,
});

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacyService: PrivacyService,
    private readonly dataExport: MemberDataExportService,
    private readonly erasure: MemberErasureService,
    private readonly membersService: MembersService,
  ) {}

  @Roles('cs_agent', 'operator', 'member')
  @Mutation(() => ProfileResult, { description: 'Sets nickname, phone, address or birthday; PII is encrypted at rest.' })
  async updateMemberProfile(@Ctx() ctx: RequestContext, @Args('input') input: MemberProfileInput) {
    assertSelfOrStaff(ctx, input.memberId);
    const outcome = await this.privacyService.updateProfile(ctx, input);
    if (outcome instanceof NotFoundError) return outcome;
    const [record] = await this.membersService.findByIds([input.memberId]);
    return Member.from(record);
  }

  @Roles('cs_agent', 'member')
  @Mutation(() => ConsentResult, { description: 'Grants or withdraws consent to contact on one channel.' })
  setConsent(@Ctx() ctx: RequestContext, @Args('input') input: ConsentInput) {
    assertSelfOrStaff(ctx, input.memberId);
    return this.privacyService.setConsent(ctx, input);
  }

  @Roles('admin', 'cs_agent', 'member')
  @Query(() => DataExportResult, {
    description: 'Everything membership holds about a member (audited). Other services add theirs through the federated Member.',
  })
  memberDataExport(@Ctx() ctx: RequestContext, @Args('memberId', { type: () => ID }) memberId: string) {
    assertSelfOrStaff(ctx, memberId);
    return this.dataExport.exportData(ctx, memberId);
  }

  @Roles('admin')
  @Mutation(() => ErasureResult, { description: 'Erases a member (PIPL/GDPR): PII gone, accounts pseudonymised, every service notified.' })
  eraseMember(@Ctx() ctx: RequestContext, @Args('memberId', { type: () => ID }) memberId: string, @Args('reason') reason: string) {
    // The reason is kept in the audit trail: an erasure without one is refused.
    if (!reason.trim() || reason.length > 500) throw invalidField('reason', 'must be 1 to 500 characters');
    return this.erasure.erase(ctx, memberId, reason);
  }

  @Roles('admin')
  @Query(() => ErasureResult, { description: 'An erasure’s receipt as it stands: each notified service PENDING until it confirms its erasure.' })
  erasureReceipt(@Args('requestId', { type: () => ID }) requestId: string) {
    if (!isUUID(requestId)) throw invalidField('requestId', 'must be a UUID');
    return this.erasure.receipt(requestId);
  }
}
