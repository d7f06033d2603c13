import type { IdentityLinkedPayload, MembersMergedPayload } from '@shopops/contracts';
import type { Queryable } from '../database/sql';

/** A service's own table of which member each platform account is; its key is (platform column, platform_user_id). */
export interface MemberAccountTable {
  readonly table: string;
  readonly platformColumn: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The member-identity projection every service keeps from membership's MemberCreated,
 * IdentityLinked and MembersMerged: the latest link of an account wins, a merge moves the
 * merged member's accounts to the survivor.
 */
export class MemberAccountProjection {
  private readonly upsert: string;
  private readonly reassign: string;

  /** Table and column are compile-time names of the service's own schema, never input. */
  constructor({ table, platformColumn }: MemberAccountTable) {
    if (!IDENTIFIER.test(table) || !IDENTIFIER.test(platformColumn)) throw new Error(`not a plain identifier: ${table}.${platformColumn}`);
    this.upsert = `INSERT INTO ${table} (${platformColumn}, platform_user_id, member_id) VALUES ($1, $2, $3)
      ON CONFLICT (${platformColumn}, platform_user_id) DO UPDATE SET member_id = EXCLUDED.member_id`;
    this.reassign = `UPDATE ${table} SET member_id = $1 WHERE member_id = $2`;
  }

  async link(em: Queryable, account: IdentityLinkedPayload): Promise<void> {
    await em.query(this.upsert, [account.platform, account.platformUserId, account.memberId]);
  }

  async merge(em: Queryable, merge: MembersMergedPayload): Promise<void> {
    await em.query(this.reassign, [merge.survivorMemberId, merge.mergedMemberId]);
  }
}
