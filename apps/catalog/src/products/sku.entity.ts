import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
export class SkuOption {
  @Field(() => String) name!: string;
  @Field(() => String) value!: string;
}

/** One sellable variant of a product (colour × size), priced in fen. */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType()
@Entity()
export class Sku {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column('uuid')
  productId!: string;

  @Field(() => String)
  @Column({ unique: true })
  code!: string;

  @Field(() => Int, { description: 'List price in fen (1/100 CNY)' })
  @Column('integer')
  listPriceFen!: number;

  @Field(() => [SkuOption])
  @Column('jsonb', { default: [] })
  options!: SkuOption[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true, unique: true })
  barcode!: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  weightGrams!: number | null;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  archived!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
