import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, groupByKey, Loaders, Roles, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { MEMBER_READERS } from '../members/member-access';
import { Member } from '../members/member.model';
import { Consent } from './privacy.model';
import { PrivacyService } from './privacy.service';

/** A member's PII, opened from its seal and masked unless the caller may read it, and their consents. */
@Resolver(() => Member)
export class MemberPrivacyFieldsResolver {
  constructor(private readonly privacyService: PrivacyService) {}

  @ResolveField()
  @Roles(...MEMBER_READERS)
  nickname(@Parent() m: Member): string | null {
    return this.privacyService.nicknameOf(m.record);
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  phone(@Ctx() ctx: RequestContext, @Parent() m: Member): Promise<string | null> {
    return this.privacyService.read(ctx, m.id, 'phone', m.record.phoneSealed);
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  address(@Ctx() ctx: RequestContext, @Parent() m: Member): Promise<string | null> {
    return this.privacyService.read(ctx, m.id, 'address', m.record.addressSealed);
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  birthday(@Ctx() ctx: RequestContext, @Parent() m: Member): Promise<string | null> {
    return this.privacyService.read(ctx, m.id, 'birthday', m.record.birthdaySealed);
  }

  @ResolveField()
  @Roles(...MEMBER_READERS)
  consents(@Parent() m: Member, @Loaders() loaders: LoaderRegistry): Promise<Consent[]> {
    return loaders
      .get<string, Consent[]>('consentsByMember', async (ids) => groupByKey(ids, await this.privacyService.consentsOf(ids), (c) => c.memberId))
      .load(m.id);
  }
}
