import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MovementKind =
  | 'RECEIPT'
  | 'RESERVATION'
  | 'RELEASE'
  | 'SHIPMENT'
  | 'RETURN'
  | 'TRANSFER_OUT'
  | 'TRANSFER_IN'
  | 'ADJUSTMENT'
  | 'COUNT';

/**
 * The append-only ledger: every change to on-hand or reserved stock is one row, so levels can
 * be rebuilt from it and every number explained.
 */
@Entity()
@Index(['skuCode', 'locationCode', 'id'])
export class StockMovement {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column()
  skuCode!: string;

  @Column()
  locationCode!: string;

  @Column({ type: 'text' })
  kind!: MovementKind;

  /** Change to on hand. */
  @Column('integer', { default: 0 })
  onHandDelta!: number;

  /** Change to reserved. */
  @Column('integer', { default: 0 })
  reservedDelta!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What caused it: `order:taobao:TB2026…`, `po:PO-12`… */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column()
  actor!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
