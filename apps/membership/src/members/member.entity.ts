import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One shopper across every platform they buy on; PII columns hold ciphertext only. */
@Entity({ name: 'member' })
export class MemberRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) status!: 'ACTIVE' | 'MERGED' | 'ERASED';
  @Column({ type: 'uuid', nullable: true }) mergedInto!: string | null;
  /** Clear nicknames from before they were sealed, until the daily re-sealing moves them. */
  @Column({ type: 'text', nullable: true }) nickname!: string | null;
  @Column({ type: 'text', nullable: true }) nicknameSealed!: string | null;
  @Column({ type: 'text', nullable: true }) phoneSealed!: string | null;
  @Column({ type: 'text', nullable: true }) phoneHash!: string | null;
  @Column({ type: 'text', nullable: true }) addressSealed!: string | null;
  @Column({ type: 'text', nullable: true }) birthdaySealed!: string | null;
  @Column({ type: 'smallint', nullable: true }) birthdayMonth!: number | null;
  @Column() tierCode!: string;
  @Column({ type: 'timestamptz' }) tierSince!: Date;
  @Column({ type: 'timestamptz' }) tierReviewAt!: Date;
  @Column() lifetimeTier!: boolean;
  @Column('integer') pointsBalance!: number;
  @Column('integer') pointsPending!: number;
  @Column('integer') pointsDebt!: number;
  @Column('integer') interactionScore!: number;
  @Column('integer') reviewCount!: number;
  @Column({ type: 'timestamptz', nullable: true }) lastInteractionAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) dormantSince!: Date | null;
  @Column() communityLevel!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}
