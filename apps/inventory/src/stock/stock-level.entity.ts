import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Stock of one SKU at one location. `available` = onHand − reserved, never negative. */
@ObjectType()
@Entity()
export class StockLevel {
  @Field(() => String)
  @PrimaryColumn()
  skuCode!: string;

  @Field(() => String)
  @PrimaryColumn()
  locationCode!: string;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  onHand!: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  reserved!: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  safetyStock!: number;

  @Field(() => Int)
  @Column('integer', { default: 0 })
  reorderPoint!: number;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int)
  get available(): number {
    return this.onHand - this.reserved;
  }
}
