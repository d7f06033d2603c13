import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule, type PlatformConfig } from '@shopops/platform';
import { Conversation } from './conversations/conversation.entity';
import { ConversationsModule } from './conversations/conversations.module';
import { Message } from './conversations/message.entity';
import { CUSTOMER_SERVICE_MIGRATIONS } from './migrations';
import { Review } from './reviews/review.entity';
import { ReviewsModule } from './reviews/reviews.module';

export const CUSTOMER_SERVICE_ENTITIES = [Conversation, Message, Review];

@Module({})
export class CustomerServiceModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: CustomerServiceModule,
      imports: [
        PlatformModule.forService(config, { entities: CUSTOMER_SERVICE_ENTITIES, migrations: CUSTOMER_SERVICE_MIGRATIONS }),
        ConversationsModule,
        ReviewsModule,
      ],
    };
  }
}
