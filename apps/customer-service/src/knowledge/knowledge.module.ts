import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { BotAnswerer } from './bot-answerer';
import { KnowledgeResolver } from './knowledge.resolver';
import { KnowledgeService } from './knowledge.service';

@Module({
  imports: [SlaModule],
  providers: [KnowledgeService, BotAnswerer, KnowledgeResolver],
  exports: [BotAnswerer],
})
export class KnowledgeModule {}
