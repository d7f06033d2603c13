import { Injectable } from '@nestjs/common';
import {
  IdentityLinked,
  MemberCreated,
  MemberDormant,
  MembersMerged,
  type EventEnvelope,
  type IdentityLinkedPayload,
  type MemberDormantPayload,
  type MembersMergedPayload,
} from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { ExperimentsService } from './experiments.service';

/** Membership's accounts and its win-back experiment, for member-level experiments here. */
@Injectable()
export class MemberExperimentsHandler {
  constructor(private readonly experiments: ExperimentsService) {}

  @OnEvent(MemberCreated, IdentityLinked)
  async account(tx: TransactionContext, event: EventEnvelope<IdentityLinkedPayload>): Promise<void> {
    const p = event.payload;
    await tx.em.query(
      `INSERT INTO member_account (channel, platform_user_id, member_id) VALUES ($1, $2, $3) ON CONFLICT (channel, platform_user_id) DO UPDATE SET member_id = EXCLUDED.member_id`,
      [p.platform, p.platformUserId, p.memberId],
    );
  }

  @OnEvent(MembersMerged)
  async merged(tx: TransactionContext, event: EventEnvelope<MembersMergedPayload>): Promise<void> {
    await tx.em.query(`UPDATE member_account SET member_id = $1 WHERE member_id = $2`, [event.payload.survivorMemberId, event.payload.mergedMemberId]);
  }

  @OnEvent(MemberDormant)
  async dormant(tx: TransactionContext, event: EventEnvelope<MemberDormantPayload>): Promise<void> {
    const p = event.payload;
    await this.experiments.recordWinBack(tx, p.memberId, p.winBackArm, p.holdoutPercent, event.occurredAt);
  }
}
