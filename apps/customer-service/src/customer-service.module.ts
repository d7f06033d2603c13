import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { AfterSalesService } from './after-sales/after-sales.service';
import { AgentsService } from './agents/agents.service';
import { ASSIGNMENT_STRATEGY, RoundRobinWithinCapacity } from './agents/assignment.strategy';
import { BuyersHandler } from './buyers/buyers.handler';
import { ConversationsHandler } from './conversations/conversations.handler';
import { ConversationsResolver } from './conversations/conversations.resolver';
import { ConversationQueries } from './conversations/conversation.queries';
import { ConversationsService } from './conversations/conversations.service';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from './customer-service.config';
import { DISPUTE_POLICY, GradedDisputePolicy } from './disputes/dispute.policy';
import { DisputesService } from './disputes/disputes.service';
import { KnowledgeService } from './knowledge/knowledge.service';
import { ServiceMetricsService } from './metrics/service-metrics';
import { CUSTOMER_SERVICE_MIGRATIONS } from './migrations';
import { QualityService } from './quality/quality.service';
import { SkuReviews } from './reviews/reviews.model';
import { ReviewsHandler } from './reviews/reviews.handler';
import { ReviewsService } from './reviews/reviews.service';
import { MemberService, MemberServiceResolver, ServiceDeskResolver, SkuReviewsResolver } from './service-desk.resolver';
import { SlaService } from './sla/sla.service';

@Module({})
export class CustomerServiceModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CustomerServiceModule,
      imports: [
        PlatformModule.forService(config, { entities: [], migrations: CUSTOMER_SERVICE_MIGRATIONS, orphanedTypes: [MemberService, SkuReviews] }),
      ],
      providers: [
        { provide: ASSIGNMENT_STRATEGY, useClass: RoundRobinWithinCapacity },
        { provide: DISPUTE_POLICY, inject: [CUSTOMER_SERVICE_CONFIG], useFactory: (c: CustomerServiceConfig) => new GradedDisputePolicy(c.dispute) },
        SlaService,
        KnowledgeService,
        ConversationsService,
        ConversationQueries,
        AgentsService,
        AfterSalesService,
        DisputesService,
        QualityService,
        ReviewsService,
        ServiceMetricsService,
        BuyersHandler,
        ConversationsHandler,
        ReviewsHandler,
        ConversationsResolver,
        ServiceDeskResolver,
        MemberServiceResolver,
        SkuReviewsResolver,
      ],
    };
  }
}
