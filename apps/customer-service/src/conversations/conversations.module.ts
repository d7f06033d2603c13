import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { SlaModule } from '../sla/sla.module';
import { ConversationFieldsResolver } from './conversation-fields.resolver';
import { ConversationStatusMachine } from './conversation-status';
import { ConversationQueries } from './conversation.queries';
import { ConversationsHandler } from './conversations.handler';
import { ConversationsResolver } from './conversations.resolver';
import { ConversationsService } from './conversations.service';
import { MemberConversationsResolver } from './member-conversations.resolver';

@Module({
  imports: [AgentsModule, KnowledgeModule, SlaModule],
  providers: [
    ConversationsService,
    ConversationStatusMachine,
    ConversationQueries,
    ConversationsHandler,
    ConversationsResolver,
    ConversationFieldsResolver,
    MemberConversationsResolver,
  ],
})
export class ConversationsModule {}
