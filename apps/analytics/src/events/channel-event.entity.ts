import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every channel event analytics received, kept as sent; KPIs are derived from these. */
@Entity()
@Index(['type', 'occurredAt'])
export class ChannelEvent {
  @PrimaryColumn('uuid')
  eventId!: string;

  @Column()
  type!: string;

  @Column()
  channel!: string;

  /** The order, review, conversation or tracking number it is about. */
  @Column()
  subject!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column('jsonb')
  payload!: object;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
