import { Resolver, ResolveReference } from '@nestjs/graphql';
import { Public } from '@shopops/platform';
import { MemberReference } from './member-reference';

@Resolver(() => MemberReference)
export class MemberReferenceResolver {
  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }): MemberReference {
    return Object.assign(new MemberReference(), { id: reference.id });
  }
}
