import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MovementKind =
  'RECEIPT' | 'RESERVATION' | 'RELEASE' | 'SHIPMENT' | 'RETURN' | 'TRANSFER_OUT' | 'TRANSFER_IN' | 'ADJUSTMENT' | 'COUNT' | 'EXCHANGE_OUT';

/**
 * The append-only ledger: every change to on-hand or reserved stock is one row, so levels can
 * be rebuilt from it and every number explained.
 */
@ObjectType()
@Entity()
@Index(['skuCode', 'locationCode', 'id'])
export class StockMovement {
  @Field(() => String)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Field(() => String)
  @Column()
  skuCode!: string;

  @Field(() => String)
  @Column()
  locationCode!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  kind!: MovementKind;

  /** Change to on hand. */
  @Field(() => Int)
  @Column('integer', { default: 0 })
  onHandDelta!: number;

  /** Change to reserved. */
  @Field(() => Int)
  @Column('integer', { default: 0 })
  reservedDelta!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What caused it: `order:taobao:TB2026…`, `po:PO-12`… */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Field(() => String)
  @Column()
  actor!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
