import { Inject, Injectable } from '@nestjs/common';
import {
  execute,
  maskAddress,
  maskBirthday,
  maskPhone,
  NotFoundError,
  PII_VAULT,
  refuse,
  Scheduled,
  selectRow,
  selectRows,
  UnitOfWork,
  type PiiVault,
  type RequestContext,
  type TransactionContext,
} from '@shopops/platform';
import { DataSource } from 'typeorm';
import type { MemberRecord } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { MEMBERSHIP_CONFIG, type MembershipConfig } from '../membership.config';
import { Consent, type ConsentInput, type ConsentRow, type MemberProfileInput } from './privacy.model';

export type PiiField = 'phone' | 'address' | 'birthday';
const MASKS: Record<PiiField, (value: string) => string> = { phone: maskPhone, address: maskAddress, birthday: maskBirthday };

/**
 * PIPL/GDPR for the member's profile: PII sealed at rest (re-sealed when keys rotate) and shown
 * unmasked only to roles that need it (or to the member), every unmasked read audited; consent
 * per channel. Export and erasure have services of their own beside this one.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly members: MembersService,
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
    await execute(this.dataSource, `INSERT INTO pii_access_log (member_id, field, actor, role, request_id) VALUES ($1, $2, $3, $4, $5)`, [
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
      await execute(
        tx.em,
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
      const [row] = await selectRows<ConsentRow>(
        tx.em,
        `INSERT INTO consent (member_id, channel, granted) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, channel) DO UPDATE SET granted = EXCLUDED.granted, updated_at = now() RETURNING *`,
        [input.memberId, input.channel, input.granted],
      );
      await this.members.audit(tx, input.memberId, 'consent.changed', { channel: input.channel, granted: input.granted });
      return Consent.fromRow(row);
    });
  }

  async consentsOf(memberIds: readonly string[]): Promise<Consent[]> {
    const rows = await selectRows<ConsentRow>(this.dataSource, `SELECT * FROM consent WHERE member_id = ANY($1::uuid[]) ORDER BY channel`, [memberIds]);
    return rows.map(Consent.fromRow);
  }

  /** Daily: PII sealed under a retired key is re-sealed under the current one (key rotation), clear nicknames sealed. */
  @Scheduled({ name: 'membership.pii-key-rotation', cron: '50 3 * * *' })
  async resealStalePii(ctx: RequestContext): Promise<number> {
    let resealed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(ctx, async (tx) => {
        const rows = await selectRows<{
          id: string;
          nickname: string | null;
          nickname_sealed: string | null;
          phone_sealed: string | null;
          address_sealed: string | null;
          birthday_sealed: string | null;
        }>(
          tx.em,
          `SELECT id, nickname, nickname_sealed, phone_sealed, address_sealed, birthday_sealed FROM member
            WHERE (nickname IS NOT NULL OR nickname_sealed NOT LIKE $1 OR phone_sealed NOT LIKE $1 OR address_sealed NOT LIKE $1 OR birthday_sealed NOT LIKE $1)
            LIMIT 500 FOR UPDATE SKIP LOCKED`,
          [`${this.vault.keyId}:%`],
        );
        const reseal = (v: string | null) => (v ? this.vault.resealIfStale(v) : v);
        for (const r of rows) {
          // A nickname still in clear (stored before nicknames were sealed) is sealed on the way.
          const nickname = r.nickname_sealed ? reseal(r.nickname_sealed) : (this.vault.sealOptional(r.nickname) ?? null);
          await execute(
            tx.em,
            `UPDATE member SET nickname = NULL, nickname_sealed = $2, phone_sealed = $3, address_sealed = $4, birthday_sealed = $5 WHERE id = $1`,
            [r.id, nickname, reseal(r.phone_sealed), reseal(r.address_sealed), reseal(r.birthday_sealed)],
          );
        }
        return rows.length;
      });
      resealed += batch;
      if (batch < 500) return resealed;
    }
  }

  private async requireActive(tx: TransactionContext, memberId: string): Promise<void> {
    const row = await selectRow<{ status: string }>(tx.em, `SELECT status FROM member WHERE id = $1`, [memberId]);
    if (!row || row.status !== 'ACTIVE') refuse(NotFoundError.of('Member', memberId));
  }
}
