import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IdentityVerificationRequested } from '@shopops/contracts';
import { execute, selectRow, selectRows, type TransactionContext } from '@shopops/platform';

const CODE_TTL_MS = 10 * 60_000;
/** A new code at most this often per member and account, so nobody can flood an account holder. */
const RESEND_AFTER_MS = 60_000;
/** Wrong codes a member may type for one account in a day, whatever the number of codes: guessing 6 digits stays hopeless. */
const MAX_FAILED_TRIES_PER_DAY = 5;

export interface AccountClaim {
  readonly memberId: string;
  readonly platform: string;
  readonly platformUserId: string;
}

/**
 * One-time codes proving that a member holds an account another member has: the code goes to
 * the account's holder on its platform (IdentityVerificationRequested); only its hash is kept.
 */
@Injectable()
export class IdentityVerifications {
  /** Sends a code to the account's holder unless one went out a moment ago; answers when it expires. */
  async request(tx: TransactionContext, claim: AccountClaim, ownerMemberId: string): Promise<Date> {
    const recent = await selectRow<{ expires_at: Date }>(
      tx.em,
      `SELECT expires_at FROM identity_verification
        WHERE member_id = $1 AND platform = $2 AND platform_user_id = $3 AND used_at IS NULL AND created_at > now() - $4 * interval '1 millisecond'
        ORDER BY created_at DESC LIMIT 1`,
      [claim.memberId, claim.platform, claim.platformUserId, RESEND_AFTER_MS],
    );
    if (recent) return recent.expires_at;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + CODE_TTL_MS);
    const id = randomUUID();
    await execute(
      tx.em,
      `INSERT INTO identity_verification (id, member_id, platform, platform_user_id, owner_member_id, code_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, claim.memberId, claim.platform, claim.platformUserId, ownerMemberId, codeHash(id, code), expiresAt],
    );
    tx.emit(IdentityVerificationRequested, {
      memberId: ownerMemberId,
      platform: claim.platform,
      platformUserId: claim.platformUserId,
      code,
      expiresAt: expiresAt.toISOString(),
    });
    return expiresAt;
  }

  /** True once for the right code of a live request; every wrong try counts against the day's few. */
  async confirm(tx: TransactionContext, claim: AccountClaim, code: string): Promise<boolean> {
    const live = await selectRow<{ id: string; code_hash: string }>(
      tx.em,
      `SELECT id, code_hash FROM identity_verification
        WHERE member_id = $1 AND platform = $2 AND platform_user_id = $3 AND used_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [claim.memberId, claim.platform, claim.platformUserId],
    );
    // Counted after the lock, so tries at once are counted one after the other.
    if (!live || (await this.failedToday(tx, claim)) >= MAX_FAILED_TRIES_PER_DAY) return false;
    const matches = timingSafeEqual(Buffer.from(live.code_hash, 'hex'), Buffer.from(codeHash(live.id, code), 'hex'));
    await execute(
      tx.em,
      matches ? `UPDATE identity_verification SET used_at = now() WHERE id = $1` : `UPDATE identity_verification SET attempts = attempts + 1 WHERE id = $1`,
      [live.id],
    );
    return matches;
  }

  private async failedToday(tx: TransactionContext, claim: AccountClaim): Promise<number> {
    const [{ failed }] = await selectRows<{ failed: number }>(
      tx.em,
      `SELECT coalesce(sum(attempts), 0)::int AS failed FROM identity_verification
        WHERE member_id = $1 AND platform = $2 AND platform_user_id = $3 AND created_at > now() - interval '1 day'`,
      [claim.memberId, claim.platform, claim.platformUserId],
    );
    return failed;
  }
}

function codeHash(verificationId: string, code: string): string {
  return createHash('sha256').update(`${verificationId}:${code}`).digest('hex');
}
