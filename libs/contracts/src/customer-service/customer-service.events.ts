import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';
import { IsIsoWithOffset } from '../webhooks/iso-timestamp';

export class ConversationOpenedPayload {
  @IsUUID() conversationId!: string;
  @IsString() channel!: string;
  @IsString() externalId!: string;
  @IsOptional() @IsString() platformUserId?: string;
  /** When the buyer's first message was sent: a late delivery still counts on the day it opened. */
  @IsOptional() @IsIsoWithOffset() openedAt?: string;
}

export class ReviewRecordedPayload {
  @IsString() reviewId!: string;
  @IsString() skuCode!: string;
  @IsIn(['positive', 'neutral', 'negative']) sentiment!: 'positive' | 'neutral' | 'negative';
  @IsOptional() @IsString() category?: string;
}

/**
 * Frequent after-sales reasons or negative reviews on a SKU: feeds its supplier's grade. Sent when
 * the issue opens and again (as quality-issue.recurred) with the new total on every later complaint.
 */
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

/** Units of an order a refund or an exchange is about. */
export class CaseLine {
  @IsString() skuCode!: string;
  @IsInt() @Min(1) quantity!: number;
}

/**
 * Money went back to a buyer through an after-sales case or a dispute ruling (own channels).
 * Exactly one of `caseId` and `disputeId` names it; `lines` are the units refunded, so an order
 * refunded before it shipped frees their reservation.
 */
export class RefundIssuedPayload {
  // Both optional to the validator (contracts compile to plain per-field checks); the producer always sets one.
  @IsOptional() @IsUUID() caseId?: string;
  @IsOptional() @IsUUID() disputeId?: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsInt() @Min(0) amountFen!: number;
  @IsString() reason!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CaseLine) lines?: CaseLine[];
}

/** The refund's own key wherever it is counted once: its after-sales case's, or its dispute's. */
export function issuedRefundKey(refund: Pick<RefundIssuedPayload, 'caseId' | 'disputeId'>): string {
  return refund.caseId ? `case:${refund.caseId}` : `dispute:${refund.disputeId}`;
}

/** 先行赔付: a dispute ruling paid the buyer now; the shop recovers it from the carrier or supplier. */
export class CompensationPaidPayload {
  @IsUUID() disputeId!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsInt() @Min(1) amountFen!: number;
  @IsString() rule!: string;
}

/** An exchange's replacement left the warehouse: inventory takes it off the shelf. */
export class ReplacementShippedPayload {
  @IsUUID() caseId!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsString() skuCode!: string;
  @IsInt() @Min(1) quantity!: number;
  @IsOptional() @IsString() locationCode?: string;
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
/** A later complaint on an open quality issue: `occurrences` is the issue's new total, so a replay or reordering never lowers it. */
export const QualityIssueRecurred = defineEvent('customer-service.quality-issue.recurred.v1', 'customer-service', QualityIssueOpenedPayload);
export const ReturnReceived = defineEvent('customer-service.return.received.v1', 'customer-service', ReturnReceivedPayload);
export const RefundIssued = defineEvent('customer-service.refund.issued.v1', 'customer-service', RefundIssuedPayload);
export const CompensationPaid = defineEvent('customer-service.compensation.paid.v1', 'customer-service', CompensationPaidPayload);
export const ReplacementShipped = defineEvent('customer-service.replacement.shipped.v1', 'customer-service', ReplacementShippedPayload);
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

/** A negative reviewer was not contacted by the task's deadline (the review's time plus the contact hours). */
export class ContactTaskOverduePayload {
  @IsUUID() taskId!: string;
  @IsUUID() incidentId!: string;
  @IsString() channel!: string;
  @IsString() reviewId!: string;
  @IsString() dueAt!: string;
}

/** An after-sales case is still open past its due time (the completion target, 48 hours by default). */
export class AfterSalesOverduePayload {
  @IsUUID() caseId!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsString() kind!: string;
  @IsString() status!: string;
  @IsString() dueAt!: string;
}

export const ContactTaskOverdue = defineEvent('customer-service.contact-task.overdue.v1', 'customer-service', ContactTaskOverduePayload);
export const AfterSalesOverdue = defineEvent('customer-service.after-sales.overdue.v1', 'customer-service', AfterSalesOverduePayload);
