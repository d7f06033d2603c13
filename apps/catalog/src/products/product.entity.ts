import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  ON_SALE = 'ON_SALE',
  ARCHIVED = 'ARCHIVED',
}
export enum LifecycleStageValue {
  INCUBATION = 'INCUBATION',
  GROWTH = 'GROWTH',
  MATURE = 'MATURE',
  DECLINE = 'DECLINE',
  EXIT = 'EXIT',
}
export enum PortfolioRole {
  TRAFFIC_DRIVER = 'TRAFFIC_DRIVER',
  CORE = 'CORE',
  POTENTIAL = 'POTENTIAL',
  TEST = 'TEST',
  CLEARANCE = 'CLEARANCE',
  LONG_TAIL = 'LONG_TAIL',
}
registerEnumType(ProductStatus, { name: 'ProductStatus', description: 'DRAFT until published (media standard met); ARCHIVED is final' });
registerEnumType(LifecycleStageValue, { name: 'LifecycleStage', description: 'incubation → growth → mature → decline → exit' });
registerEnumType(PortfolioRole, { name: 'PortfolioRole', description: '爆款引流 traffic driver, core, potential, test, clearance, long-tail' });

@ObjectType()
export class Material {
  @Field(() => String) name!: string;
  @Field(() => Int, { description: 'Share of the fabric, percent' }) sharePercent!: number;
  @Field(() => String, { nullable: true, description: 'e.g. GRS (recycled polyester), GOTS (organic cotton), OEKO-TEX' }) certification?: string | null;
}

/** A style (SPU). Its sellable variants are SKUs. */
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
@ObjectType()
@Entity()
export class Product {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column({ unique: true })
  code!: string;

  @Field(() => String)
  @Column()
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  subtitle!: string | null;

  @Field(() => [String], { description: 'Searchable keywords, long-tail ones too' })
  @Column('text', { array: true, default: '{}' })
  keywords!: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  categoryCode!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  brand!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  brandStory!: string | null;

  /** Exposed to staff only, by ProductsResolver. */
  @Column({ type: 'text', nullable: true })
  designerNotes!: string | null;

  @Field(() => [String])
  @Column('text', { array: true, default: '{}' })
  tags!: string[];

  @Field(() => [Material])
  @Column('jsonb', { default: [] })
  materials!: Material[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  care!: string | null;

  @Field(() => Int, { nullable: true, description: 'Carbon footprint per item, grams CO₂e' })
  @Column({ type: 'integer', nullable: true })
  carbonFootprintGrams!: number | null;

  @Field(() => ProductStatus)
  @Column({ type: 'text', default: ProductStatus.DRAFT })
  status!: ProductStatus;

  @Field(() => LifecycleStageValue)
  @Column({ type: 'text', default: LifecycleStageValue.INCUBATION })
  lifecycleStage!: LifecycleStageValue;

  /** Exposed to staff only, by ProductsResolver. */
  @Column({ type: 'text', default: PortfolioRole.TEST })
  portfolioRole!: PortfolioRole;

  @Field(() => Int, { nullable: true, description: 'Lowest SKU list price (fen)' })
  @Column({ type: 'integer', nullable: true })
  minPriceFen!: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest SKU list price (fen)' })
  @Column({ type: 'integer', nullable: true })
  maxPriceFen!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** Bumped on every change; events carry it so consumers can ignore stale updates. */
  @Field(() => Int)
  @Column('integer')
  version!: number;
}
