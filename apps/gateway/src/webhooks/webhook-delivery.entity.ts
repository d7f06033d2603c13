import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A webhook exactly as received, stored before we answer; (source, webhook id) de-duplicates. */
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

  /** The raw body, byte for byte as signed (unknown fields included). */
  @Column('text')
  body!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
