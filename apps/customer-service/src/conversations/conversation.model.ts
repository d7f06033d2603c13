import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ErrorResult } from '@shopops/platform';

export enum ConversationStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  SNOOZED = 'SNOOZED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
export enum ConversationPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
export enum ConversationTopic {
  PRE_SALES = 'PRE_SALES',
  AFTER_SALES = 'AFTER_SALES',
  COMPLAINT = 'COMPLAINT',
}
export enum MessageAuthor {
  BUYER = 'BUYER',
  AGENT = 'AGENT',
  BOT = 'BOT',
  NOTE = 'NOTE',
}
registerEnumType(ConversationStatus, {
  name: 'ConversationStatus',
  description: 'OPEN (waiting on us), PENDING (waiting on the buyer), SNOOZED, RESOLVED, CLOSED',
});
registerEnumType(ConversationPriority, { name: 'ConversationPriority' });
registerEnumType(ConversationTopic, { name: 'ConversationTopic' });
registerEnumType(MessageAuthor, { name: 'MessageAuthor', description: 'NOTE is internal, never shown to the buyer' });

@ObjectType()
export class ConversationMessage {
  @Field(() => MessageAuthor) author!: MessageAuthor;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) agentCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Bot answers: the article used' }) articleIntent!: string | null;
  @Field(() => Date) sentAt!: Date;
}

@ObjectType()
export class OwnershipChange {
  @Field(() => String, { nullable: true }) fromAgentCode!: string | null;
  @Field(() => String) toAgentCode!: string;
  @Field(() => String, { description: 'ASSIGNED, FIRST_RESPONSE, CLAIMED, HANDOVER' }) kind!: string;
  @Field(() => String) reason!: string;
  @Field(() => String) actor!: string;
  @Field(() => Date) at!: Date;
}

@ObjectType()
export class Conversation {
  @Field(() => ID) id!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String, { nullable: true }) platformUserId!: string | null;
  @Field(() => ID, { nullable: true }) memberId!: string | null;
  @Field(() => String, { nullable: true }) orderId!: string | null;
  @Field(() => String, { nullable: true }) subject!: string | null;
  @Field(() => ConversationStatus) status!: ConversationStatus;
  @Field(() => ConversationPriority) priority!: ConversationPriority;
  @Field(() => ConversationTopic) topic!: ConversationTopic;
  @Field(() => String, { nullable: true, description: 'Routed to' }) assignedAgentCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Owns the case: the first agent who answered, or whom it was handed to' }) ownerAgentCode!: string | null;
  @Field(() => Boolean, { description: 'The bot handed over to a person' }) needsHuman!: boolean;
  @Field(() => String, { nullable: true, description: 'What the bot saw when it handed over (JSON)' }) botContext!: string | null;
  @Field(() => Int) botAnswers!: number;
  @Field(() => Date, { nullable: true }) firstResponseDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) nextResponseDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolutionDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) firstRespondedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Float, { nullable: true }) firstResponseBusinessMinutes!: number | null;
  @Field(() => Float, { nullable: true }) firstResponseWallMinutes!: number | null;
  @Field(() => Int) escalationLevel!: number;
  @Field(() => Date) openedAt!: Date;
}

@InputType({ description: 'A conversation that did not come by webhook: phone, email, WeChat Work' })
export class OpenConversationInput {
  @Field(() => String) @IsIn(['phone', 'email', 'wecom'], { message: 'channel must be phone, email or wecom' }) channel!: string;
  @Field(() => String, { description: 'Who: a platform user id, phone number or email' }) @IsString() @Length(1, 128) contact!: string;
  @Field(() => String) @IsString() @Length(1, 5000) text!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) subject?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 64) orderId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() memberId?: string;
  @Field(() => ConversationPriority, { nullable: true }) @IsOptional() @IsEnum(ConversationPriority) priority?: ConversationPriority;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) @IsUUID() conversationId!: string;
  @Field(() => String) @IsString() @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'agentCode must be an agent code' }) agentCode!: string;
  @Field(() => String) @IsString() @Length(1, 5000) text!: string;
  @Field(() => Boolean, { nullable: true, description: 'An internal note: not sent, does not stop SLA clocks' }) @IsOptional() internalNote?: boolean;
}

/** A status change the conversation's state machine does not allow. */
@ObjectType({ implements: () => [ErrorResult] })
export class IllegalStatusChangeError extends ErrorResult {
  @Field(() => ConversationStatus) from!: ConversationStatus;
  @Field(() => ConversationStatus) to!: ConversationStatus;

  static of(from: ConversationStatus, to: ConversationStatus): IllegalStatusChangeError {
    return Object.assign(new IllegalStatusChangeError(), {
      errorCode: 'ILLEGAL_STATUS_CHANGE',
      message: `A ${from} conversation cannot become ${to}`,
      from,
      to,
    });
  }
}
