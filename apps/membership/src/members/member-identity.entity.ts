import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A member's account on one platform (taobao buyer id, douyin id, WeChat union id…). */
@Entity()
@Index(['memberId'])
export class MemberIdentity {
  @PrimaryColumn()
  platform!: string;

  @PrimaryColumn()
  platformUserId!: string;

  @Column('uuid')
  memberId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
