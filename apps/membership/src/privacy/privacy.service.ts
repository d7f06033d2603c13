import { Inject, Injectable } from '@nestjs/common';
import { MemberErasureRequested, subscribersOf } from '@shopops/contracts';
import { DeadLetters, maskAddress, maskBirthday, maskPhone, NotFoundError, PII_VAULT, refuse, Scheduled, UnitOfWork, type PiiVault, type RequestContext, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { MemberRecord } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { Consent, ErasureReceipt, MemberDataExport, type ConsentInput, type ConsentRow, type MemberProfileInput } from './privacy.model';

export type PiiField = 'phone' | 'address' | 'birthday';
const MASKS: Record<PiiField, (value: string) => string> = { phone: maskPhone, address: maskAddress, birthday: maskBirthday };

/**
 * PIPL/GDPR in one place: PII sealed at rest and shown unmasked only to roles that need it (or
 * to the member), every unmasked read audited; consent per channel; export of everything held;
 * erasure that pseudonymises here and asks every other service to do the same.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly deadLetters: DeadLetters,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  mayReadPii(ctx: RequestContext, memberId: string): boolean {
    return this.config.piiRoles.includes(ctx.identity.role) || (ctx.identity.role === 'member' && ctx.identity.memberId === memberId);
  }

  /** The value for this caller: clear (and audited) when the role needs it, masked otherwise. */
  async read(ctx: RequestContext, memberId: string, field: PiiField, sealed: string | null): Promise<string | null> {
    if (!sealed) return null;
    const value = this.vault.open(sealed);
    if (!this.mayReadPii(ctx, memberId)) return MASKS[field](value);
    await this.dataSource.query(`INSERT INTO pii_access_log (member_id, field, actor, role, request_id) VALUES ($1, $2, $3, $4, $5)`, [
      memberId,
      field,
      ctx.identity.subject,
      ctx.identity.role,
      ctx.requestId,
    ]);
    return value;
  }

  nicknameOf(record: Pick<MemberRecord, 'nickname' | 'nicknameSealed'>): string | null {
    return record.nicknameSealed ? this.vault.open(record.nicknameSealed) : record.nickname;
  }

  updateProfile(ctx: RequestContext, input: MemberProfileInput): Promise<NotFoundError | string> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireActive(tx, input.memberId);
      await tx.em.query(
        `UPDATE member SET nickname_sealed = coalesce($2, nickname_sealed), nickname = CASE WHEN $2::text IS NULL THEN nickname END,
                phone_sealed = coalesce($3, phone_sealed), phone_hash = coalesce($4, phone_hash), phone_declared = phone_declared OR $4 IS NOT NULL,
                address_sealed = coalesce($5, address_sealed), birthday_sealed = coalesce($6, birthday_sealed),
                birthday_month = coalesce($7, birthday_month), updated_at = now()
          WHERE id = $1`,
        [
          input.memberId,
          input.nickname ? this.vault.seal(input.nickname) : null,
          input.phone ? this.vault.seal(input.phone) : null,
          input.phone ? this.vault.lookupHash('phone', input.phone) : null,
          input.address ? this.vault.seal(input.address) : null,
          input.birthday ? this.vault.seal(input.birthday) : null,
          input.birthday ? Number(input.birthday.slice(5, 7)) : null,
        ],
      );
      await this.members.audit(tx, input.memberId, 'profile.updated', { fields: Object.keys(input).filter((k) => k !== 'memberId') });
      return input.memberId;
    });
  }

  setConsent(ctx: RequestContext, input: ConsentInput): Promise<Consent | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      await this.requireActive(tx, input.memberId);
      const [row]: ConsentRow[] = await tx.em.query(
        `INSERT INTO consent (member_id, channel, granted) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, channel) DO UPDATE SET granted = EXCLUDED.granted, updated_at = now() RETURNING *`,
        [input.memberId, input.channel, input.granted],
      );
      await this.members.audit(tx, input.memberId, 'consent.changed', { channel: input.channel, granted: input.granted });
      return Consent.fromRow(row);
    });
  }

  async consentsOf(memberIds: readonly string[]): Promise<Consent[]> {
    const rows: ConsentRow[] = await this.dataSource.query(
      `SELECT * FROM consent WHERE member_id = ANY($1::uuid[]) ORDER BY channel`,
      [memberIds],
    );
    return rows.map(Consent.fromRow);
  }

  /** Everything membership holds about a member, PII in clear, as one JSON document (audited). */
  async exportData(ctx: RequestContext, memberId: string): Promise<MemberDataExport | NotFoundError> {
    const [member] = await this.dataSource.query(`SELECT * FROM member WHERE id = $1`, [memberId]);
    if (!member) return NotFoundError.of('Member', memberId);
    const q = (sql: string) => this.dataSource.query(sql, [memberId]);
    const [identities, orders, lots, entries, coupons, redemptions, bookings, consents, tiers, rfm, segments, audit] = await Promise.all([
      q(`SELECT platform, platform_user_id, linked_at FROM member_identity WHERE member_id = $1`),
      q(`SELECT channel, order_id, total_fen, paid_at, completed_at, cancelled, refunded_fen FROM member_order WHERE member_id = $1`),
      q(`SELECT kind, source_key, points, remaining, status, earned_at, matures_at, expires_at FROM points_lot WHERE member_id = $1`),
      q(`SELECT kind, delta, pending_delta, debt_delta, source, created_at FROM points_entry WHERE member_id = $1 ORDER BY id`),
      q(`SELECT code, template_code, status, issued_via, valid_until, redeemed_order_id FROM coupon WHERE member_id = $1`),
      q(`SELECT reward_code, points, redeemed_at FROM reward_redemption WHERE member_id = $1`),
      q(`SELECT e.code, b.status, b.queued_at FROM event_booking b JOIN exclusive_event e ON e.id = b.event_id WHERE b.member_id = $1`),
      q(`SELECT channel, granted, updated_at FROM consent WHERE member_id = $1`),
      q(`SELECT from_tier, to_tier, reason, at FROM tier_history WHERE member_id = $1 ORDER BY at`),
      q(`SELECT r, f, m, tags, computed_at FROM member_rfm WHERE member_id = $1`),
      q(`SELECT segment_code FROM segment_member WHERE member_id = $1`),
      q(`SELECT action, detail, actor, at FROM member_audit WHERE member_id = $1 ORDER BY at`),
    ]);
    const clear = (sealed: string | null) => (sealed ? this.vault.open(sealed) : null);
    const exportedAt = new Date();
    const document = {
      exportedAt: exportedAt.toISOString(),
      member: {
        id: member.id,
        status: member.status,
        nickname: this.nicknameOf({ nickname: member.nickname, nicknameSealed: member.nickname_sealed }),
        phone: clear(member.phone_sealed),
        address: clear(member.address_sealed),
        birthday: clear(member.birthday_sealed),
        tier: member.tier_code,
        pointsBalance: member.points_balance,
        pointsPending: member.points_pending,
        createdAt: member.created_at,
      },
      identities,
      orders,
      points: { lots, entries },
      coupons,
      rewardRedemptions: redemptions,
      eventBookings: bookings,
      consents,
      tierHistory: tiers,
      rfm: rfm[0] ?? null,
      segments: segments.map((s: { segment_code: string }) => s.segment_code),
      audit,
    };
    await this.unitOfWork.run(ctx, (tx) => this.members.audit(tx, memberId, 'data.exported', { by: ctx.identity.subject }));
    return Object.assign(new MemberDataExport(), { memberId, exportedAt, document: JSON.stringify(document) });
  }

  /**
   * Erasure: PII and accounts become pseudonyms here, ledgers stay (pseudonymous) for the
   * books, and every other service is asked by event to erase what it holds.
   */
  async erase(ctx: RequestContext, memberId: string, reason: string): Promise<ErasureReceipt | NotFoundError> {
    const erased = await this.eraseHere(ctx, memberId, reason);
    if (erased instanceof NotFoundError) return erased;
    // Only once committed: a rolled-back erasure must leave the dead letters as they were.
    await this.deadLetters.pseudonymise(erased.accountIds, `erased:${erased.receipt.requestId}`);
    return erased.receipt;
  }

  private eraseHere(ctx: RequestContext, memberId: string, reason: string): Promise<{ receipt: ErasureReceipt; accountIds: string[] } | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [member] = (await tx.em.query(`SELECT status FROM member WHERE id = $1 FOR UPDATE`, [memberId])) as Array<{ status: string }>;
      if (!member) refuse(NotFoundError.of('Member', memberId));
      const accounts: Array<{ platform: string; platform_user_id: string }> = await tx.em.query(`SELECT platform, platform_user_id FROM member_identity WHERE member_id = $1`, [memberId]);
      const requestId = randomUUID();
      await tx.em.query(
        `UPDATE member_identity SET platform_user_id = 'erased:' || encode(sha256(convert_to(platform_user_id || $2, 'UTF8')), 'hex') WHERE member_id = $1`,
        [memberId, requestId],
      );
      await tx.em.query(
        `UPDATE member SET status = 'ERASED', nickname = NULL, nickname_sealed = NULL, phone_sealed = NULL, phone_hash = NULL, address_sealed = NULL, birthday_sealed = NULL, birthday_month = NULL, updated_at = now() WHERE id = $1`,
        [memberId],
      );
      await tx.em.query(`DELETE FROM consent WHERE member_id = $1`, [memberId]);
      await tx.em.query(`DELETE FROM identity_verification WHERE member_id = $1 OR owner_member_id = $1`, [memberId]);
      await this.forgetAccountsInRecords(tx, memberId, requestId);
      await tx.em.query(`UPDATE coupon SET status = 'VOID' WHERE member_id = $1 AND status = 'ISSUED'`, [memberId]);
      tx.emit(MemberErasureRequested, { memberId, requestId, accounts: accounts.map((a) => ({ platform: a.platform, platformUserIdSealed: this.vault.seal(a.platform_user_id) })) });
      await this.members.audit(tx, memberId, 'member.erased', { reason, requestId });
      const receipt = Object.assign(new ErasureReceipt(), { memberId, requestId, erasedAt: new Date(), notified: [...subscribersOf(MemberErasureRequested.type)] });
      return { receipt, accountIds: accounts.map((a) => a.platform_user_id) };
    });
  }

  /** The accounts also appear in the audit trail and in events already sent (outbox, kept a week): they become the pseudonym there too. */
  private async forgetAccountsInRecords(tx: TransactionContext, memberId: string, requestId: string): Promise<void> {
    await tx.em.query(`UPDATE member_audit SET detail = detail - 'platformUserId' WHERE member_id = $1 AND detail ? 'platformUserId'`, [memberId]);
    await tx.em.query(
      `UPDATE outbox SET payload = payload || jsonb_build_object('platformUserId', $2::text) WHERE payload ->> 'memberId' = $1 AND payload ? 'platformUserId'`,
      [memberId, `erased:${requestId}`],
    );
  }

  /** Daily: PII sealed under a retired key is re-sealed under the current one (key rotation), clear nicknames sealed. */
  @Scheduled({ name: 'membership.pii-key-rotation', cron: '50 3 * * *' })
  async resealStalePii(ctx: RequestContext): Promise<number> {
    let resealed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(ctx, async (tx) => {
        const rows: Array<{ id: string; nickname: string | null; nickname_sealed: string | null; phone_sealed: string | null; address_sealed: string | null; birthday_sealed: string | null }> = await tx.em.query(
          `SELECT id, nickname, nickname_sealed, phone_sealed, address_sealed, birthday_sealed FROM member
            WHERE (nickname IS NOT NULL OR nickname_sealed NOT LIKE $1 OR phone_sealed NOT LIKE $1 OR address_sealed NOT LIKE $1 OR birthday_sealed NOT LIKE $1)
            LIMIT 500 FOR UPDATE SKIP LOCKED`,
          [`${this.vault.keyId}:%`],
        );
        const reseal = (v: string | null) => (v ? this.vault.resealIfStale(v) : v);
        for (const r of rows) {
          // A nickname still in clear (stored before nicknames were sealed) is sealed on the way.
          const nickname = r.nickname_sealed ? reseal(r.nickname_sealed) : this.vault.sealOptional(r.nickname) ?? null;
          await tx.em.query(`UPDATE member SET nickname = NULL, nickname_sealed = $2, phone_sealed = $3, address_sealed = $4, birthday_sealed = $5 WHERE id = $1`, [
            r.id,
            nickname,
            reseal(r.phone_sealed),
            reseal(r.address_sealed),
            reseal(r.birthday_sealed),
          ]);
        }
        return rows.length;
      });
      resealed += batch;
      if (batch < 500) return resealed;
    }
  }

  private async requireActive(tx: TransactionContext, memberId: string): Promise<void> {
    const [row] = (await tx.em.query(`SELECT status FROM member WHERE id = $1`, [memberId])) as Array<{ status: string }>;
    if (!row || row.status !== 'ACTIVE') refuse(NotFoundError.of('Member', memberId));
  }
}
