import { Module } from '@nestjs/common';
import { AgentsResolver } from './agents.resolver';
import { AgentsService } from './agents.service';
import { ASSIGNMENT_STRATEGY, RoundRobinWithinCapacity } from './assignment.strategy';

@Module({
  providers: [{ provide: ASSIGNMENT_STRATEGY, useClass: RoundRobinWithinCapacity }, AgentsService, AgentsResolver],
  exports: [ASSIGNMENT_STRATEGY],
})
export class AgentsModule {}
