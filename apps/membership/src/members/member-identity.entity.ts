import { Field, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member's account on one platform (taobao buyer id, douyin id, WeChat union id…). */
@ObjectType()
@Entity()
@Index(['memberId'])
export class MemberIdentity {
  @Field(() => String)
  @PrimaryColumn()
  platform!: string;

  @Field(() => String)
  @PrimaryColumn()
  platformUserId!: string;

  @Column('uuid')
  memberId!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
