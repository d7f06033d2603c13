import type { GatewayClient } from './graphql-client';

export interface MemberView {
  readonly id: string;
  readonly status: string;
  readonly points: { balance: number; pending: number; debt: number };
  readonly tier: { code: string };
}

/** The member behind a platform account, read as an operator through the gateway. */
export async function memberOf(gateway: GatewayClient, platform: string, platformUserId: string): Promise<MemberView | null> {
  const data = await gateway.data<{ memberByIdentity: MemberView | null }>(
    `query($p: String!, $u: String!) { memberByIdentity(platform: $p, platformUserId: $u) { id status points { balance pending debt } tier { code } } }`,
    { p: platform, u: platformUserId },
    { role: 'operator' },
  );
  return data.memberByIdentity;
}
