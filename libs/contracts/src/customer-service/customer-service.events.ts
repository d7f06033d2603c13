import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class ConversationOpenedPayload {
  @IsUUID() conversationId!: string;
  @IsString() channel!: string;
  @IsString() externalId!: string;
  @IsOptional() @IsString() platformUserId?: string;
}

export class ReviewRecordedPayload {
  @IsString() reviewId!: string;
  @IsString() skuCode!: string;
  @IsIn(['positive', 'neutral', 'negative']) sentiment!: 'positive' | 'neutral' | 'negative';
}

export const ConversationOpened = defineEvent('customer-service.conversation.opened.v1', 'customer-service', ConversationOpenedPayload);
export const ReviewRecorded = defineEvent('customer-service.review.recorded.v1', 'customer-service', ReviewRecordedPayload);
