import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type EndpointStatus = 'active' | 'paused' | 'disabled';
export type MessageStatus = 'pending' | 'sending' | 'delivered' | 'failed';

export interface SealedSecret {
  /** AES-GCM sealed `whsec_…`. */
  readonly box: string;
  readonly createdAt: string;
  /** Set on the old secret when it is rotated out: deliveries carry both signatures until then. */
  readonly expiresAt?: string;
}

/** A subscriber: where to deliver which event types, signed with its own secret(s). */
@Entity()
export class WebhookEndpoint {
  @PrimaryColumn('uuid') id!: string;
  @Column() url!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column('text', { array: true }) eventTypes!: string[];
  @Column({ type: 'text' }) status!: EndpointStatus;
  @Column({ type: 'text', nullable: true }) disabledReason!: string | null;
  @Column('jsonb') secrets!: SealedSecret[];
  @Column('integer', { default: 0 }) consecutiveFailures!: number;
  @Column({ type: 'timestamptz', nullable: true }) failingSince!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) circuitOpenUntil!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** One event for one endpoint; its id is the `webhook-id` the receiver de-duplicates with. */
@Entity()
@Index(['endpointId', 'createdAt'])
export class OutboundMessage {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') endpointId!: string;
  @Column('uuid') eventId!: string;
  @Column() eventType!: string;
  @Column('jsonb') payload!: object;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  /** Messages with the same key (channel + SKU) coalesce while pending: the latest figure wins. */
  @Column({ type: 'text', nullable: true }) coalesceKey!: string | null;
  @Column({ type: 'text' }) status!: MessageStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** The log of every delivery attempt: status, duration and an excerpt of the answer. */
@Entity()
@Index(['messageId', 'attempt'])
export class OutboundAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid') messageId!: string;
  @Column('integer') attempt!: number;
  @Column({ type: 'timestamptz' }) startedAt!: Date;
  @Column('integer') durationMs!: number;
  @Column({ type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'text', nullable: true }) responseExcerpt!: string | null;
}
