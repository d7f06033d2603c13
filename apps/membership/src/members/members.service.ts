import { Injectable } from '@nestjs/common';
import { MemberCreated } from '@shopops/contracts';
import type { TransactionContext } from '@shopops/platform';
import { DataSource, In } from 'typeorm';
import { MemberIdentity } from './member-identity.entity';
import { Member } from './member.entity';

@Injectable()
export class MembersService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The member behind a platform account, created on first sight. Concurrent first sightings
   * of one buyer race on the identity's primary key; the loser reads the winner's member.
   */
  async findOrCreateByIdentity(tx: TransactionContext, platform: string, platformUserId: string): Promise<string> {
    const existing = await tx.repo(MemberIdentity).findOneBy({ platform, platformUserId });
    if (existing) return existing.memberId;
    const member = await tx.repo(Member).save(tx.repo(Member).create());
    const claimed: Array<{ member_id: string }> = await tx.em.query(
      `INSERT INTO member_identity (platform, platform_user_id, member_id) VALUES ($1, $2, $3)
       ON CONFLICT (platform, platform_user_id) DO NOTHING RETURNING member_id`,
      [platform, platformUserId, member.id],
    );
    if (claimed.length === 0) {
      await tx.repo(Member).delete({ id: member.id });
      const winner = await tx.repo(MemberIdentity).findOneByOrFail({ platform, platformUserId });
      return winner.memberId;
    }
    tx.emit(MemberCreated, { memberId: member.id, platform, platformUserId });
    return member.id;
  }

  async findByIdentity(platform: string, platformUserId: string): Promise<Member | null> {
    const identity = await this.dataSource.getRepository(MemberIdentity).findOneBy({ platform, platformUserId });
    return identity ? this.dataSource.getRepository(Member).findOneBy({ id: identity.memberId }) : null;
  }

  findByIds(ids: readonly string[]): Promise<Member[]> {
    return this.dataSource.getRepository(Member).findBy({ id: In([...ids]) });
  }

  identitiesOf(memberIds: readonly string[]): Promise<MemberIdentity[]> {
    return this.dataSource.getRepository(MemberIdentity).find({
      where: { memberId: In([...memberIds]) },
      order: { linkedAt: 'ASC' },
    });
  }
}
