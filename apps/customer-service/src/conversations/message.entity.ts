import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('ConversationMessage')
@Entity()
@Index(['conversationId', 'sentAt'])
export class Message {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('uuid')
  conversationId!: string;

  @Field(() => String, { description: 'buyer, agent, bot or note' })
  @Column()
  author!: string;

  @Field(() => String)
  @Column('text')
  text!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  sentAt!: Date;
}
