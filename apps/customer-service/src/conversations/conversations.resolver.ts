import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';

@Resolver(() => Conversation)
export class ConversationsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('cs_agent', 'operator')
  @Query(() => Conversation, { nullable: true, description: "A conversation by its channel and the channel's conversation id." })
  conversation(@Args('channel') channel: string, @Args('externalId') externalId: string): Promise<Conversation | null> {
    return this.dataSource.getRepository(Conversation).findOneBy({ channel, externalId });
  }

  @Roles('cs_agent', 'operator')
  @ResolveField(() => [Message])
  messages(@Parent() conversation: Conversation, @Loaders() loaders: LoaderRegistry): Promise<Message[]> {
    return loaders
      .get<string, Message[]>('messagesByConversation', async (ids) => {
        const rows = await this.dataSource.getRepository(Message).find({
          where: { conversationId: In([...ids]) },
          order: { sentAt: 'ASC', id: 'ASC' },
        });
        return groupByKey(ids, rows, (m) => m.conversationId);
      })
      .load(conversation.id);
  }
}
