import { Inject, Injectable } from '@nestjs/common';
import { IdentityLinked, MemberCreated, MembersMerged, type ChannelBuyer } from '@shopops/contracts';
import { execute, PII_VAULT, selectRow, selectRows, UnitOfWork, type PiiVault, type RequestContext, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { preparedRows } from '../prepared-statements';
import { PointsLedger } from '../points/points-ledger';
import { IdentityVerifications, type AccountClaim } from './identity-verifications';
import { MemberIdentity } from './member-identity.entity';
import { MemberRecord } from './member.entity';

/** What proves that the holder of an account is the member linking it: an admin's word or the code sent to the account. */
export interface LinkProof {
  readonly mergeReason?: string;
  readonly verificationCode?: string;
}

export type LinkOutcome =
  { readonly kind: 'linked' | 'merged' | 'already' } | { readonly kind: 'verification-sent'; readonly expiresAt: Date } | { readonly kind: 'wrong-code' };

/** Members and their platform accounts: found or created from buyers, linked, merged. */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: PointsLedger,
    private readonly verifications: IdentityVerifications,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
    @Inject(MEMBERSHIP_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /**
   * The member acted at `at` (an order, a review, a chat). Dormancy ends only when the member's
   * latest interaction falls within the dormancy threshold: a late or replayed event from before
   * the quiet spell leaves a dormant member dormant.
   */
  async recordInteraction(tx: TransactionContext, memberId: string, at: Date): Promise<void> {
    await execute(
      tx.em,
      `UPDATE member SET last_interaction_at = greatest(last_interaction_at, $2),
              dormant_since = CASE WHEN greatest(last_interaction_at, $2) >= now() - $3::int * interval '1 day' THEN NULL ELSE dormant_since END
        WHERE id = $1`,
      [memberId, at, this.config.dormantAfterDays],
    );
  }

  /**
   * The member behind a platform account, created on first sight. A new account whose phone
   * matches a member's phone from a platform joins that member (one shopper, many platforms); a
   * phone typed into a profile proves nothing and joins nobody. Concurrent first
   * sightings race on the identity's primary key; the loser uses the winner's member.
   * Phone and nickname arrive sealed with the shared PII keys; they are stored under the current
   * key (an event replayed after a rotation may carry an older one).
   */
  async memberForBuyer(tx: TransactionContext, platform: string, buyer: ChannelBuyer): Promise<string> {
    const existing = await tx.repo(MemberIdentity).findOneBy({ platform, platformUserId: buyer.platformUserId });
    if (existing) return this.survivorOf(tx, existing.memberId);
    const phoneHash = buyer.phoneHash ?? null;
    const byPhone = phoneHash
      ? await selectRow<{ id: string }>(
          tx.em,
          `SELECT id FROM member WHERE phone_hash = $1 AND status = 'ACTIVE' AND NOT phone_declared ORDER BY created_at LIMIT 1`,
          [phoneHash],
        )
      : undefined;
    const memberId = byPhone?.id ?? (await this.createMember(tx, buyer, phoneHash));
    const claimed = await selectRows<{ member_id: string }>(
      tx.em,
      `INSERT INTO member_identity (platform, platform_user_id, member_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING member_id`,
      [platform, buyer.platformUserId, memberId],
    );
    if (claimed.length === 0) {
      if (!byPhone) await execute(tx.em, `DELETE FROM member WHERE id = $1`, [memberId]);
      const winner = await tx.repo(MemberIdentity).findOneByOrFail({ platform, platformUserId: buyer.platformUserId });
      return this.survivorOf(tx, winner.memberId);
    }
    if (byPhone) {
      tx.emit(IdentityLinked, { memberId, platform, platformUserId: buyer.platformUserId });
      await this.audit(tx, memberId, 'identity.linked', { platform, platformUserId: buyer.platformUserId, by: 'phone' });
    } else {
      tx.emit(MemberCreated, { memberId, platform, platformUserId: buyer.platformUserId });
    }
    return memberId;
  }

  /**
   * memberForBuyer for a whole batch of buyers at once (keyed `platform\u0000platformUserId`):
   * known accounts in one statement; new accounts without a phone to match become members in
   * one statement each for members and identities. Accounts a concurrent batch claimed first,
   * merged members and phones that may match another member go through memberForBuyer, one by one.
   */
  async membersForBuyers(tx: TransactionContext, buyers: ReadonlyArray<{ platform: string; buyer: ChannelBuyer }>): Promise<Map<string, string>> {
    const keyOf = (platform: string, platformUserId: string) => `${platform}\u0000${platformUserId}`;
    // Sorted, so two batches claim the same new accounts in the same order.
    const unique = [...new Map(buyers.map((b) => [keyOf(b.platform, b.buyer.platformUserId), b])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const known = await preparedRows<{ platform: string; platform_user_id: string; member_id: string; merged_into: string | null }>(
      tx,
      'membership.identities-of-buyers',
      `SELECT i.platform, i.platform_user_id, i.member_id, m.merged_into
         FROM unnest($1::text[], $2::text[]) AS b(platform, platform_user_id)
         JOIN member_identity i ON i.platform = b.platform AND i.platform_user_id = b.platform_user_id
         LEFT JOIN member m ON m.id = i.member_id`,
      [unique.map(([, b]) => b.platform), unique.map(([, b]) => b.buyer.platformUserId)],
    );
    const memberOf = new Map<string, string>();
    const oneByOne: Array<{ platform: string; buyer: ChannelBuyer }> = [];
    const knownByKey = new Map(known.map((row) => [keyOf(row.platform, row.platform_user_id), row]));
    const fresh: Array<{ key: string; platform: string; buyer: ChannelBuyer; memberId: string }> = [];
    for (const [key, b] of unique) {
      const row = knownByKey.get(key);
      if (row && !row.merged_into) memberOf.set(key, row.member_id);
      else if (row || b.buyer.phoneHash) oneByOne.push(b);
      else fresh.push({ key, platform: b.platform, buyer: b.buyer, memberId: randomUUID() });
    }
    if (fresh.length > 0) {
      await execute(tx.em, `INSERT INTO member (id, nickname_sealed, phone_sealed) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`, [
        fresh.map((f) => f.memberId),
        fresh.map((f) => this.underCurrentKey(f.buyer.nicknameSealed)),
        fresh.map((f) => this.underCurrentKey(f.buyer.phoneSealed)),
      ]);
      const claimed = await selectRows<{ member_id: string }>(
        tx.em,
        `INSERT INTO member_identity (platform, platform_user_id, member_id) SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[])
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [fresh.map((f) => f.platform), fresh.map((f) => f.buyer.platformUserId), fresh.map((f) => f.memberId)],
      );
      const won = new Set(claimed.map((row) => row.member_id));
      const lost = fresh.filter((f) => !won.has(f.memberId));
      // A concurrent batch created these accounts first: drop our members, use theirs.
      if (lost.length > 0) await execute(tx.em, `DELETE FROM member WHERE id = ANY($1::uuid[])`, [lost.map((f) => f.memberId)]);
      for (const f of fresh) {
        if (!won.has(f.memberId)) {
          oneByOne.push(f);
          continue;
        }
        memberOf.set(f.key, f.memberId);
        tx.emit(MemberCreated, { memberId: f.memberId, platform: f.platform, platformUserId: f.buyer.platformUserId });
      }
    }
    for (const b of oneByOne) memberOf.set(keyOf(b.platform, b.buyer.platformUserId), await this.memberForBuyer(tx, b.platform, b.buyer));
    return memberOf;
  }

  private async createMember(tx: TransactionContext, buyer: ChannelBuyer, phoneHash: string | null): Promise<string> {
    const [row] = await selectRows<{ id: string }>(tx.em, `INSERT INTO member (nickname_sealed, phone_sealed, phone_hash) VALUES ($1, $2, $3) RETURNING id`, [
      this.underCurrentKey(buyer.nicknameSealed),
      this.underCurrentKey(buyer.phoneSealed),
      phoneHash,
    ]);
    return row.id;
  }

  private underCurrentKey(sealed: string | undefined): string | null {
    return sealed ? this.vault.resealIfStale(sealed) : null;
  }

  /** A merged member's events count for the member it was merged into. */
  async survivorOf(tx: TransactionContext, memberId: string): Promise<string> {
    let id = memberId;
    for (let hops = 0; hops < 10; hops++) {
      const row = await selectRow<{ merged_into: string | null }>(tx.em, `SELECT merged_into FROM member WHERE id = $1`, [id]);
      if (!row?.merged_into) return id;
      id = row.merged_into;
    }
    return id;
  }

  /**
   * Links an account to a member. An account another member holds is the same person only on
   * proof: an admin's reason, or the one-time code sent to the account (the first try without a
   * code sends it). With proof the other member is merged into this one.
   */
  async linkIdentity(ctx: RequestContext, claim: AccountClaim, proof: LinkProof): Promise<LinkOutcome> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const { memberId, platform, platformUserId } = claim;
      const owner = await tx.repo(MemberIdentity).findOneBy({ platform, platformUserId });
      if (owner) {
        const current = await this.survivorOf(tx, owner.memberId);
        if (current === memberId) return { kind: 'already' };
        return this.mergeOnProof(tx, claim, current, proof);
      }
      await tx.repo(MemberIdentity).insert({ platform, platformUserId, memberId });
      tx.emit(IdentityLinked, { memberId, platform, platformUserId });
      await this.audit(tx, memberId, 'identity.linked', { platform, platformUserId, by: tx.identity.subject });
      return { kind: 'linked' };
    });
  }

  private async mergeOnProof(tx: TransactionContext, claim: AccountClaim, ownerId: string, proof: LinkProof): Promise<LinkOutcome> {
    if (proof.mergeReason) {
      await this.merge(tx, claim.memberId, ownerId, proof.mergeReason);
      return { kind: 'merged' };
    }
    if (!proof.verificationCode) return { kind: 'verification-sent', expiresAt: await this.verifications.request(tx, claim, ownerId) };
    if (!(await this.verifications.confirm(tx, claim, proof.verificationCode))) return { kind: 'wrong-code' };
    await this.merge(tx, claim.memberId, ownerId, `proved with the one-time code sent to ${claim.platform} account ${claim.platformUserId}`);
    return { kind: 'merged' };
  }

  /**
   * Everything of `mergedId` moves to `survivorId`: accounts, points (with ledger entries on both
   * sides), coupons, orders, bookings, consents, interactions; the higher tier stays.
   */
  async merge(tx: TransactionContext, survivorId: string, mergedId: string, reason: string): Promise<void> {
    const [a, b] = [survivorId, mergedId].sort();
    await execute(tx.em, `SELECT id FROM member WHERE id IN ($1, $2) ORDER BY id FOR UPDATE`, [a, b]);
    const merged = await selectRow<{ status: string }>(tx.em, `SELECT * FROM member WHERE id = $1`, [mergedId]);
    if (!merged || merged.status !== 'ACTIVE') return;
    await this.ledger.moveAll(tx, mergedId, survivorId, `merge:${mergedId}:${survivorId}`);
    await execute(tx.em, `UPDATE member_identity SET member_id = $1 WHERE member_id = $2`, [survivorId, mergedId]);
    await execute(tx.em, `UPDATE coupon SET member_id = $1 WHERE member_id = $2`, [survivorId, mergedId]);
    await execute(tx.em, `UPDATE member_order SET member_id = $1 WHERE member_id = $2`, [survivorId, mergedId]);
    await execute(tx.em, `UPDATE reward_redemption SET member_id = $1 WHERE member_id = $2`, [survivorId, mergedId]);
    // A booking both held keeps the survivor's; the other's seat is freed.
    const doubled = await selectRows<{ event_id: string; status: string }>(
      tx.em,
      `SELECT m.event_id, m.status FROM event_booking m JOIN event_booking s ON s.event_id = m.event_id AND s.member_id = $1 WHERE m.member_id = $2`,
      [survivorId, mergedId],
    );
    for (const booking of doubled) {
      if (booking.status === 'BOOKED') await execute(tx.em, `UPDATE exclusive_event SET booked = booked - 1 WHERE id = $1`, [booking.event_id]);
      await execute(tx.em, `DELETE FROM event_booking WHERE event_id = $1 AND member_id = $2`, [booking.event_id, mergedId]);
    }
    await execute(tx.em, `UPDATE event_booking SET member_id = $1 WHERE member_id = $2`, [survivorId, mergedId]);
    await execute(
      tx.em,
      `INSERT INTO consent (member_id, channel, granted, updated_at) SELECT $1, channel, granted, updated_at FROM consent WHERE member_id = $2 ON CONFLICT DO NOTHING`,
      [survivorId, mergedId],
    );
    // Behaviour moves with the member: first views (the earlier one), style weights summed.
    await execute(
      tx.em,
      `INSERT INTO member_product_view (member_id, product_code, first_viewed_at) SELECT $1, product_code, first_viewed_at FROM member_product_view WHERE member_id = $2
       ON CONFLICT (member_id, product_code) DO UPDATE SET first_viewed_at = least(member_product_view.first_viewed_at, EXCLUDED.first_viewed_at)`,
      [survivorId, mergedId],
    );
    await execute(
      tx.em,
      `INSERT INTO member_style (member_id, tag, weight) SELECT $1, tag, weight FROM member_style WHERE member_id = $2
       ON CONFLICT (member_id, tag) DO UPDATE SET weight = member_style.weight + EXCLUDED.weight`,
      [survivorId, mergedId],
    );
    await execute(tx.em, `DELETE FROM member_product_view WHERE member_id = $1`, [mergedId]);
    await execute(tx.em, `DELETE FROM member_style WHERE member_id = $1`, [mergedId]);
    await execute(
      tx.em,
      `UPDATE member s SET interaction_score = s.interaction_score + m.interaction_score, review_count = s.review_count + m.review_count,
              product_views = s.product_views + m.product_views, tracked_purchases = s.tracked_purchases + m.tracked_purchases,
              impulse_purchases = s.impulse_purchases + m.impulse_purchases,
              last_interaction_at = greatest(s.last_interaction_at, m.last_interaction_at),
              phone_sealed = coalesce(s.phone_sealed, m.phone_sealed), phone_hash = coalesce(s.phone_hash, m.phone_hash),
              phone_declared = CASE WHEN s.phone_hash IS NOT NULL THEN s.phone_declared ELSE m.phone_declared END,
              address_sealed = coalesce(s.address_sealed, m.address_sealed), birthday_sealed = coalesce(s.birthday_sealed, m.birthday_sealed),
              birthday_month = coalesce(s.birthday_month, m.birthday_month), lifetime_tier = s.lifetime_tier OR m.lifetime_tier, updated_at = now()
         FROM member m WHERE s.id = $1 AND m.id = $2`,
      [survivorId, mergedId],
    );
    await execute(
      tx.em,
      `UPDATE member SET status = 'MERGED', merged_into = $1, phone_sealed = NULL, phone_hash = NULL, address_sealed = NULL, birthday_sealed = NULL, updated_at = now() WHERE id = $2`,
      [survivorId, mergedId],
    );
    await execute(tx.em, `INSERT INTO rfm_dirty (member_id) VALUES ($1) ON CONFLICT DO NOTHING`, [survivorId]);
    tx.emit(MembersMerged, { survivorMemberId: survivorId, mergedMemberId: mergedId });
    await this.audit(tx, survivorId, 'member.merged', { mergedMemberId: mergedId, by: tx.identity.subject, reason });
    await this.audit(tx, mergedId, 'member.merged-into', { survivorMemberId: survivorId, by: tx.identity.subject, reason });
  }

  mergeById(ctx: RequestContext, survivorId: string, mergedId: string, reason: string): Promise<void> {
    return this.unitOfWork.run(ctx, (tx) => this.merge(tx, survivorId, mergedId, reason));
  }

  async audit(tx: TransactionContext, memberId: string, action: string, detail: object): Promise<void> {
    await execute(tx.em, `INSERT INTO member_audit (member_id, action, detail, actor) VALUES ($1, $2, $3, $4)`, [
      memberId,
      action,
      JSON.stringify(detail),
      tx.identity.subject,
    ]);
  }

  /** True when the member exists and was neither merged nor erased; any text is a safe question. */
  async isActive(memberId: string): Promise<boolean> {
    return (await selectRows(this.dataSource, `SELECT 1 FROM member WHERE id::text = $1 AND status = 'ACTIVE'`, [memberId])).length > 0;
  }

  async findByIdentity(platform: string, platformUserId: string): Promise<MemberRecord | null> {
    const identity = await this.dataSource.getRepository(MemberIdentity).findOneBy({ platform, platformUserId });
    if (!identity) return null;
    const member = await this.dataSource.getRepository(MemberRecord).findOneBy({ id: identity.memberId });
    return member?.status === 'MERGED' && member.mergedInto ? this.dataSource.getRepository(MemberRecord).findOneBy({ id: member.mergedInto }) : member;
  }

  async findByPhone(phone: string): Promise<MemberRecord | null> {
    return this.dataSource.getRepository(MemberRecord).findOneBy({ phoneHash: this.vault.lookupHash('phone', phone), status: 'ACTIVE' });
  }

  findByIds(ids: readonly string[]): Promise<MemberRecord[]> {
    return this.dataSource.getRepository(MemberRecord).findBy({ id: In([...ids]) });
  }

  identitiesOf(memberIds: readonly string[]): Promise<MemberIdentity[]> {
    return this.dataSource.getRepository(MemberIdentity).find({ where: { memberId: In([...memberIds]) }, order: { linkedAt: 'ASC' } });
  }
}
