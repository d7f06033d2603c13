import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKey, Loaders, Roles, type LoaderRegistry } from '@shopops/platform';
import { Conversation } from '../conversations/conversation.model';
import { STAFF } from '../roles';
import { SlaAlert } from './sla.model';
import { SlaService } from './sla.service';

/** The SLA warnings and breaches of a conversation. */
@Resolver(() => Conversation)
export class ConversationSlaResolver {
  constructor(private readonly slaService: SlaService) {}

  @Roles(...STAFF)
  @ResolveField(() => [SlaAlert])
  slaAlerts(@Parent() c: Conversation, @Loaders() loaders: LoaderRegistry): Promise<SlaAlert[]> {
    return loaders
      .get<string, SlaAlert[]>('slaByConversation', async (ids) => groupByKey(ids, await this.slaService.alertsOf(ids), (a) => a.conversationId))
      .load(c.id);
  }
}
