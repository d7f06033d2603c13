import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A webhook as received, stored before we answer, the buyer's phone and nickname sealed;
 * (source, webhook id) de-duplicates.
 */
@Entity()
@Unique(['source', 'webhookId'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column()
  source!: string;

  @Column()
  webhookId!: string;

  @Column()
  type!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The body as sent (unknown fields included) with `data.buyer` sealed; reduced after retention or erasure. */
  @Column('text')
  body!: string;

  /** Keyed hash of the buyer's account, for erasure; null once the body is reduced. */
  @Column({ type: 'text', nullable: true })
  buyerRef!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  bodyRedactedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
