import { execute, type TransactionContext } from '@shopops/platform';

/**
 * Serialises the work on platform accounts: opening a conversation for one (which looks up its
 * member) and linking one to a member (which updates its conversations). Taken before either
 * reads, so under READ COMMITTED the second to run sees what the first committed. A batch takes
 * its accounts' locks up front in key order, so two batches never wait on each other crosswise.
 */
export async function lockAccounts(tx: TransactionContext, accounts: ReadonlyArray<{ channel: string; platformUserId: string | null }>): Promise<void> {
  const keys = [...new Set(accounts.filter((a) => a.platformUserId).map((a) => `account:${a.channel}:${a.platformUserId}`))].sort();
  for (const key of keys) await execute(tx.em, `SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
}
