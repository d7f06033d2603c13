import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A buyer's review of a SKU as the marketplace sent it, with the sentiment we read into it. */
@ObjectType()
@Entity()
@Index(['skuCode', 'reviewedAt'])
export class Review {
  @Field(() => String)
  @PrimaryColumn()
  channel!: string;

  @Field(() => String)
  @PrimaryColumn()
  reviewId!: string;

  @Field(() => String)
  @Column()
  orderId!: string;

  @Field(() => String)
  @Column()
  skuCode!: string;

  @Field(() => Int)
  @Column('smallint')
  rating!: number;

  @Field(() => String)
  @Column('text')
  text!: string;

  @Field(() => [String])
  @Column('text', { array: true, default: [] })
  images!: string[];

  @Field(() => String, { description: 'positive, neutral or negative' })
  @Column()
  sentiment!: 'positive' | 'neutral' | 'negative';

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;
}
