import { Module } from '@nestjs/common';
import { AgentCapacity } from './agent-capacity';
import { AgentsResolver } from './agents.resolver';
import { AgentsService } from './agents.service';
import { ASSIGNMENT_STRATEGY, RoundRobinWithinCapacity } from './assignment.strategy';
import { ConversationRouter } from './conversation-router';

@Module({
  providers: [{ provide: ASSIGNMENT_STRATEGY, useClass: RoundRobinWithinCapacity }, AgentsService, AgentCapacity, ConversationRouter, AgentsResolver],
  exports: [AgentCapacity, ConversationRouter],
})
export class AgentsModule {}
