import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { AfterSalesModule } from './after-sales/after-sales.module';
import { AgentsModule } from './agents/agents.module';
import { BuyersModule } from './buyers/buyers.module';
import { MemberReference } from './buyers/member-reference';
import { CalendarModule } from './calendar/calendar.module';
import { ConversationsModule } from './conversations/conversations.module';
import { DisputesModule } from './disputes/disputes.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { MetricsModule } from './metrics/metrics.module';
import { CUSTOMER_SERVICE_MIGRATIONS } from './migrations';
import { QualityModule } from './quality/quality.module';
import { ReviewsModule } from './reviews/reviews.module';
import { SkuReviews } from './reviews/reviews.model';
import { SlaModule } from './sla/sla.module';

@Module({})
export class CustomerServiceModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CustomerServiceModule,
      imports: [
        PlatformModule.forService(config, { entities: [], migrations: CUSTOMER_SERVICE_MIGRATIONS, orphanedTypes: [MemberReference, SkuReviews] }),
        ConversationsModule,
        AgentsModule,
        KnowledgeModule,
        SlaModule,
        CalendarModule,
        AfterSalesModule,
        DisputesModule,
        ReviewsModule,
        QualityModule,
        MetricsModule,
        BuyersModule,
      ],
    };
  }
}
