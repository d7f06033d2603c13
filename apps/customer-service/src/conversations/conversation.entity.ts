import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A conversation with a buyer on one channel (旺旺/千牛, WeChat Work, phone, email). */
@ObjectType()
@Entity()
@Unique(['channel', 'externalId'])
export class Conversation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => String)
  @Column()
  channel!: string;

  /** The channel's own conversation id. */
  @Field(() => String)
  @Column()
  externalId!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  platformUserId!: string | null;

  @Field(() => String)
  @Column({ default: 'open' })
  status!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  openedAt!: Date;
}
