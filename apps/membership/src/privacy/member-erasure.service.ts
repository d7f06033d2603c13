import { Inject, Injectable } from '@nestjs/common';
import { MemberErasureRequested, subscribersOf } from '@shopops/contracts';
import {
  DeadLetters,
  execute,
  NotFoundError,
  PII_VAULT,
  refuse,
  selectRow,
  selectRows,
  UnitOfWork,
  type PiiVault,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MembersService } from '../members/members.service';
import { ErasureReceipt } from './privacy.model';

interface ErasureRequestRow {
  request_id: string;
  member_id: string;
  requested_at: Date;
  notified: string[];
}

/**
 * Erasure: PII and accounts become pseudonyms here, ledgers stay (pseudonymous) for the
 * books, and every other service is asked by event to erase what it holds.
 */
@Injectable()
export class MemberErasureService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly members: MembersService,
    private readonly deadLetters: DeadLetters,
    private readonly dataSource: DataSource,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {}

  async erase(ctx: RequestContext, memberId: string, reason: string): Promise<ErasureReceipt | NotFoundError> {
    const erased = await this.eraseHere(ctx, memberId, reason);
    if (erased instanceof NotFoundError) return erased;
    // Only once committed: a rolled-back erasure must leave the dead letters as they were.
    await this.deadLetters.pseudonymise(erased.accountIds, `erased:${erased.receipt.requestId}`);
    return erased.receipt;
  }

  private eraseHere(ctx: RequestContext, memberId: string, reason: string): Promise<{ receipt: ErasureReceipt; accountIds: string[] } | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const member = await selectRow<{ status: string }>(tx.em, `SELECT status FROM member WHERE id = $1 FOR UPDATE`, [memberId]);
      if (!member) refuse(NotFoundError.of('Member', memberId));
      const accounts = await selectRows<{ platform: string; platform_user_id: string }>(
        tx.em,
        `SELECT platform, platform_user_id FROM member_identity WHERE member_id = $1`,
        [memberId],
      );
      const requestId = randomUUID();
      await execute(
        tx.em,
        `UPDATE member_identity SET platform_user_id = 'erased:' || encode(sha256(convert_to(platform_user_id || $2, 'UTF8')), 'hex') WHERE member_id = $1`,
        [memberId, requestId],
      );
      await execute(
        tx.em,
        `UPDATE member SET status = 'ERASED', nickname = NULL, nickname_sealed = NULL, phone_sealed = NULL, phone_hash = NULL, address_sealed = NULL, birthday_sealed = NULL, birthday_month = NULL, updated_at = now() WHERE id = $1`,
        [memberId],
      );
      await execute(tx.em, `DELETE FROM consent WHERE member_id = $1`, [memberId]);
      // What they looked at and bought on the site says who they are: it goes too.
      await execute(tx.em, `DELETE FROM member_product_view WHERE member_id = $1`, [memberId]);
      await execute(tx.em, `DELETE FROM member_style WHERE member_id = $1`, [memberId]);
      await execute(tx.em, `DELETE FROM member_cart WHERE member_id = $1`, [memberId]);
      await execute(tx.em, `UPDATE member SET product_views = 0, tracked_purchases = 0, impulse_purchases = 0 WHERE id = $1`, [memberId]);
      await execute(tx.em, `DELETE FROM segment_member WHERE member_id = $1`, [memberId]);
      await execute(tx.em, `DELETE FROM member_rfm WHERE member_id = $1`, [memberId]);
      await execute(tx.em, `DELETE FROM identity_verification WHERE member_id = $1 OR owner_member_id = $1`, [memberId]);
      await this.forgetAccountsInRecords(tx, memberId, requestId);
      await execute(tx.em, `UPDATE coupon SET status = 'VOID' WHERE member_id = $1 AND status = 'ISSUED'`, [memberId]);
      tx.emit(MemberErasureRequested, {
        memberId,
        requestId,
        accounts: accounts.map((a) => ({ platform: a.platform, platformUserIdSealed: this.vault.seal(a.platform_user_id) })),
      });
      await this.members.audit(tx, memberId, 'member.erased', { reason, requestId });
      const [request] = await selectRows<ErasureRequestRow>(
        tx.em,
        `INSERT INTO erasure_request (request_id, member_id, notified) VALUES ($1, $2, $3) RETURNING request_id, member_id, requested_at, notified`,
        [requestId, memberId, [...subscribersOf(MemberErasureRequested.type)]],
      );
      const receipt = ErasureReceipt.of(request, new Map());
      return { receipt, accountIds: accounts.map((a) => a.platform_user_id) };
    });
  }

  /** An erasure's receipt as it stands: which notified services have confirmed. */
  async receipt(requestId: string): Promise<ErasureReceipt | NotFoundError> {
    const request = await selectRow<ErasureRequestRow>(
      this.dataSource,
      `SELECT request_id, member_id, requested_at, notified FROM erasure_request WHERE request_id = $1`,
      [requestId],
    );
    if (!request) return NotFoundError.of('ErasureRequest', requestId);
    const confirmed = await selectRows<{ service: string; confirmed_at: Date }>(
      this.dataSource,
      `SELECT service, confirmed_at FROM erasure_confirmation WHERE request_id = $1`,
      [requestId],
    );
    return ErasureReceipt.of(request, new Map(confirmed.map((c) => [c.service, c.confirmed_at])));
  }

  /** A service confirmed its erasure; a re-delivered confirmation keeps the first time. */
  async confirm(tx: TransactionContext, requestId: string, service: string, at: string): Promise<void> {
    await execute(tx.em, `INSERT INTO erasure_confirmation (request_id, service, confirmed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      requestId,
      service,
      at,
    ]);
  }

  /** The accounts also appear in the audit trail and in events already sent (outbox, kept a week): they become the pseudonym there too. */
  private async forgetAccountsInRecords(tx: TransactionContext, memberId: string, requestId: string): Promise<void> {
    await execute(tx.em, `UPDATE member_audit SET detail = detail - 'platformUserId' WHERE member_id = $1 AND detail ? 'platformUserId'`, [memberId]);
    await execute(
      tx.em,
      `UPDATE outbox SET payload = payload || jsonb_build_object('platformUserId', $2::text) WHERE payload ->> 'memberId' = $1 AND payload ? 'platformUserId'`,
      [memberId, `erased:${requestId}`],
    );
  }
}
