import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { STAFF } from '../roles';
import { Conversation, ConversationMessage, OwnershipChange } from './conversation.model';
import { ConversationQueries } from './conversation.queries';

/** What hangs off a conversation: its messages and who owned it when; one query per list through loaders. */
@Resolver(() => Conversation)
export class ConversationFieldsResolver {
  constructor(private readonly conversationQueries: ConversationQueries) {}

  @Roles(...STAFF)
  @ResolveField(() => [ConversationMessage])
  messages(@Parent() c: Conversation, @Loaders() loaders: LoaderRegistry): Promise<ConversationMessage[]> {
    return loaders
      .get<string, ConversationMessage[]>('messagesByConversation', async (ids) =>
        groupByKey(ids, await this.conversationQueries.messagesOf(ids), (m) => m.conversationId),
      )
      .load(c.id);
  }

  @Roles(...STAFF)
  @ResolveField(() => [OwnershipChange])
  ownershipHistory(@Parent() c: Conversation, @Loaders() loaders: LoaderRegistry): Promise<OwnershipChange[]> {
    return loaders
      .get<string, OwnershipChange[]>('ownershipByConversation', async (ids) =>
        groupByKey(ids, await this.conversationQueries.ownershipOf(ids), (o) => o.conversationId),
      )
      .load(c.id);
  }
}
