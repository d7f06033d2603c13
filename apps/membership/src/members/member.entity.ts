import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One shopper across every platform they buy on. */
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Member {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
