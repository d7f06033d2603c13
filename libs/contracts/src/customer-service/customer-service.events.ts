import { IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class ConversationOpenedPayload {
  @IsUUID() conversationId!: string;
  @IsString() channel!: string;
  @IsString() externalId!: string;
  @IsOptional() @IsString() platformUserId?: string;
  /** When the buyer's first message was sent: a late delivery still counts on the day it opened. */
  @IsOptional() @IsDateString() openedAt?: string;
}

export class ReviewRecordedPayload {
  @IsString() reviewId!: string;
  @IsString() skuCode!: string;
  @IsIn(['positive', 'neutral', 'negative']) sentiment!: 'positive' | 'neutral' | 'negative';
  @IsOptional() @IsString() category?: string;
}

/** Frequent after-sales reasons or negative reviews on a SKU: feeds its supplier's grade. */
export class QualityIssueOpenedPayload {
  @IsUUID() issueId!: string;
  @IsString() skuCode!: string;
  @IsString() reason!: string;
  @IsIn(['after-sales', 'review']) source!: 'after-sales' | 'review';
  @IsInt() @Min(1) occurrences!: number;
}

/** Returned goods arrived back: inventory puts them back in stock. */
export class ReturnReceivedPayload {
  @IsUUID() caseId!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsString() skuCode!: string;
  @IsInt() @Min(1) quantity!: number;
  @IsOptional() @IsString() locationCode?: string;
}

/** Money went back to a buyer through an after-sales case (own channels). */
export class RefundIssuedPayload {
  @IsUUID() caseId!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsInt() @Min(0) amountFen!: number;
  @IsString() reason!: string;
}

/** A negative-review spike opened an incident. */
export class ReviewSpikePayload {
  @IsUUID() incidentId!: string;
  @IsIn(['product', 'shop']) scope!: 'product' | 'shop';
  @IsOptional() @IsString() skuCode?: string;
  @IsOptional() @IsString() productCode?: string;
  @IsInt() negativeReviews!: number;
  @IsInt() windowHours!: number;
}

export const ConversationOpened = defineEvent('customer-service.conversation.opened.v1', 'customer-service', ConversationOpenedPayload);
export const ReviewRecorded = defineEvent('customer-service.review.recorded.v1', 'customer-service', ReviewRecordedPayload);
export const QualityIssueOpened = defineEvent('customer-service.quality-issue.opened.v1', 'customer-service', QualityIssueOpenedPayload);
export const ReturnReceived = defineEvent('customer-service.return.received.v1', 'customer-service', ReturnReceivedPayload);
export const RefundIssued = defineEvent('customer-service.refund.issued.v1', 'customer-service', RefundIssuedPayload);
export const ReviewSpikeDetected = defineEvent('customer-service.review-spike.detected.v1', 'customer-service', ReviewSpikePayload);

/** A conversation is near (WARNING) or past (BREACH) one of its service-level targets. */
export class SlaAlertPayload {
  @IsUUID() conversationId!: string;
  @IsIn(['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION']) target!: 'FIRST_RESPONSE' | 'NEXT_RESPONSE' | 'RESOLUTION';
  @IsString() dueAt!: string;
  @IsInt() @Min(0) escalationLevel!: number;
  @IsOptional() @IsString() ownerAgent?: string;
  @IsString() priority!: string;
}

export const SlaWarning = defineEvent('customer-service.sla.warning.v1', 'customer-service', SlaAlertPayload);
export const SlaBreached = defineEvent('customer-service.sla.breached.v1', 'customer-service', SlaAlertPayload);

/** A conversation was resolved: its response and resolution times, in business and wall-clock minutes. */
export class ConversationResolvedPayload {
  @IsUUID() conversationId!: string;
  @IsString() channel!: string;
  @IsString() resolvedAt!: string;
  @IsOptional() @IsNumber() firstResponseBusinessMinutes?: number;
  @IsOptional() @IsNumber() firstResponseWallMinutes?: number;
  @IsNumber() resolutionWallMinutes!: number;
  @IsInt() @Min(0) botAnswers!: number;
  /** False when the bot alone answered. */
  @IsBoolean() agentAnswered!: boolean;
}

export const ConversationResolved = defineEvent('customer-service.conversation.resolved.v1', 'customer-service', ConversationResolvedPayload);
