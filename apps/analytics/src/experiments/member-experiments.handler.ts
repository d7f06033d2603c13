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
import { MemberAccountProjection, OnEvent, type TransactionContext } from '@shopops/platform';
import { ExperimentsService } from './experiments.service';

const MEMBER_ACCOUNTS = new MemberAccountProjection({ table: 'member_account', platformColumn: 'channel' });

/** Membership's accounts and its win-back experiment, for member-level experiments here. */
@Injectable()
export class MemberExperimentsHandler {
  constructor(private readonly experiments: ExperimentsService) {}

  @OnEvent(MemberCreated, IdentityLinked)
  async account(tx: TransactionContext, event: EventEnvelope<IdentityLinkedPayload>): Promise<void> {
    await MEMBER_ACCOUNTS.link(tx.em, event.payload);
  }

  @OnEvent(MembersMerged)
  async merged(tx: TransactionContext, event: EventEnvelope<MembersMergedPayload>): Promise<void> {
    await MEMBER_ACCOUNTS.merge(tx.em, event.payload);
  }

  @OnEvent(MemberDormant)
  async dormant(tx: TransactionContext, event: EventEnvelope<MemberDormantPayload>): Promise<void> {
    const p = event.payload;
    await this.experiments.recordWinBack(tx, p.memberId, p.winBackArm, p.holdoutPercent, event.occurredAt);
  }
}
