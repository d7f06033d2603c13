import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Inventory's copy of the catalog's SKUs (from catalog.sku.created.v1): what may hold stock. */
@Entity()
export class KnownSku {
  @PrimaryColumn()
  skuCode!: string;

  @Column('uuid')
  productId!: string;

  @Column()
  productCode!: string;

  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @Column('integer')
  listPriceFen!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
