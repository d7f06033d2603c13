import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ErrorResult } from '@shopops/platform';

export enum AfterSalesKind {
  RETURN = 'RETURN',
  REFUND_ONLY = 'REFUND_ONLY',
  EXCHANGE = 'EXCHANGE',
}
export enum AfterSalesReason {
  SIZE = 'SIZE',
  QUALITY = 'QUALITY',
  NOT_AS_DESCRIBED = 'NOT_AS_DESCRIBED',
  LOGISTICS = 'LOGISTICS',
  CHANGED_MIND = 'CHANGED_MIND',
}
registerEnumType(AfterSalesKind, { name: 'AfterSalesKind', description: 'RETURN 退货退款, REFUND_ONLY 仅退款, EXCHANGE 换货' });
registerEnumType(AfterSalesReason, { name: 'AfterSalesReason' });

@ObjectType()
export class CaseTransition {
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String) to!: string;
  @Field(() => String) actor!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) at!: Date;
}

@ObjectType()
export class AfterSalesCase {
  @Field(() => ID) id!: string;
  @Field(() => AfterSalesKind) kind!: AfterSalesKind;
  @Field(() => String, { description: 'REQUESTED, APPROVED, PICKUP_BOOKED, RECEIVED, REFUNDED, RESHIPPED, REJECTED, CANCELLED' }) status!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) orderId!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) amountFen!: number;
  @Field(() => Int) refundedFen!: number;
  @Field(() => AfterSalesReason) reasonCategory!: AfterSalesReason;
  @Field(() => String) reason!: string;
  @Field(() => Boolean, { description: 'Approved (and refunded) at once: trusted member, small amount' }) fastTracked!: boolean;
  @Field(() => Date, { nullable: true }) pickupAt!: Date | null;
  @Field(() => Date, { description: 'Completion target (48 hours)' }) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
}

@InputType()
export class OpenCaseInput {
  @Field(() => AfterSalesKind) @IsEnum(AfterSalesKind) kind!: AfterSalesKind;
  @Field(() => String) @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'channel must be a channel name such as taobao' }) channel!: string;
  @Field(() => String) @IsString() @Length(1, 64) orderId!: string;
  @Field(() => String) @IsString() @Length(1, 64) skuCode!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(1000) quantity!: number;
  @Field(() => Int, { description: 'Money asked back (fen); 0 for an exchange' }) @IsInt() @Min(0) @Max(100_000_000) amountFen!: number;
  @Field(() => AfterSalesReason) @IsEnum(AfterSalesReason) reasonCategory!: AfterSalesReason;
  @Field(() => String) @IsString() @Length(1, 1000) reason!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() conversationId?: string;
}

@InputType()
export class CaseActionInput {
  @Field(() => ID) @IsUUID() caseId!: string;
  @Field(() => String, { description: 'approve, reject, book-pickup, receive, refund, reship, cancel' })
  @IsIn(['approve', 'reject', 'book-pickup', 'receive', 'refund', 'reship', 'cancel'], {
    message: 'action must be approve, reject, book-pickup, receive, refund, reship or cancel',
  })
  action!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 500) note?: string;
  @Field(() => String, { nullable: true, description: 'book-pickup: when (ISO 8601)' }) @IsOptional() @IsString() pickupAt?: string;
  @Field(() => String, { nullable: true, description: 'book-pickup: where' }) @IsOptional() @IsString() @Length(1, 300) pickupAddress?: string;
  @Field(() => String, { nullable: true, description: 'receive: the warehouse the goods came back to; reship: the one the replacement leaves from' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  locationCode?: string;
}

@ObjectType({ implements: () => [ErrorResult] })
export class IllegalCaseActionError extends ErrorResult {
  @Field(() => String) status!: string;
  @Field(() => String) action!: string;

  static of(kind: string, status: string, action: string): IllegalCaseActionError {
    return Object.assign(new IllegalCaseActionError(), {
      errorCode: 'ILLEGAL_CASE_ACTION',
      message: `A ${kind} case in ${status} cannot ${action}`,
      status,
      action,
    });
  }
}

/** A return or exchange on an order that has not shipped: there are no goods to send back yet. */
@ObjectType({ implements: () => [ErrorResult] })
export class OrderNotShippedError extends ErrorResult {
  @Field(() => String) orderId!: string;
  @Field(() => String, { description: 'The order as customer service knows it: CREATED or PAID' }) orderStatus!: string;

  static of(orderId: string, orderStatus: string, kind: string): OrderNotShippedError {
    return Object.assign(new OrderNotShippedError(), {
      errorCode: 'ORDER_NOT_SHIPPED',
      message: `Order ${orderId} is ${orderStatus}: nothing has shipped to come back as a ${kind}; refund it before shipping (REFUND_ONLY), which frees its stock`,
      orderId,
      orderStatus,
    });
  }
}

/** More money asked back than the order has left to refund. */
@ObjectType({ implements: () => [ErrorResult] })
export class RefundExceedsOrderError extends ErrorResult {
  @Field(() => Int) orderTotalFen!: number;
  @Field(() => Int) alreadyRefundedFen!: number;
  @Field(() => Int) requestedFen!: number;

  static of(orderTotalFen: number, alreadyRefundedFen: number, requestedFen: number): RefundExceedsOrderError {
    return Object.assign(new RefundExceedsOrderError(), {
      errorCode: 'REFUND_EXCEEDS_ORDER',
      message: `Asked ${requestedFen} fen back, but only ${orderTotalFen - alreadyRefundedFen} of the order's ${orderTotalFen} fen is left to refund`,
      orderTotalFen,
      alreadyRefundedFen,
      requestedFen,
    });
  }
}
