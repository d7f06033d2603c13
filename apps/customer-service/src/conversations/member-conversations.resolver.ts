import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { MemberReference } from '../buyers/member-reference';
import { STAFF } from '../roles';
import { Conversation } from './conversation.model';
import { ConversationQueries } from './conversation.queries';

/** A member's conversations, on membership's Member. */
@Resolver(() => MemberReference)
export class MemberConversationsResolver {
  constructor(private readonly conversationQueries: ConversationQueries) {}

  @Roles(...STAFF)
  @ResolveField(() => [Conversation])
  serviceConversations(@Parent() m: MemberReference, @Loaders() loaders: LoaderRegistry): Promise<Conversation[]> {
    return loaders
      .get<string, Conversation[]>('conversationsByMember', async (ids) =>
        groupByKey(ids, await this.conversationQueries.list({ memberIds: ids }, 500), (c) => c.memberId ?? ''),
      )
      .load(m.id);
  }
}
