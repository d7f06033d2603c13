import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { orderData } from './fixtures';
import type { GatewayClient } from './graphql-client';
import { sendWebhook } from './webhooks';

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

export interface BuyerOrder {
  readonly orderId: string;
  readonly data: Record<string, unknown>;
}

/** Sends a signed marketplace order event for one buyer (a new order unless `order` is given). */
export async function sendBuyerOrder(
  gateway: GatewayClient,
  platform: 'taobao' | 'douyin',
  type: string,
  buyer: { platformUserId: string; phone?: string; nickname?: string },
  options: { totalFen?: number; order?: BuyerOrder; at?: Date } = {},
): Promise<BuyerOrder> {
  const totalFen = options.totalFen ?? 20000;
  const orderId = options.order?.orderId ?? `${platform === 'taobao' ? 'TB' : 'DY'}${randomUUID().slice(0, 12)}`;
  const data =
    options.order?.data ??
    orderData(orderId, {
      buyer: { nickname: '阿青', ...buyer },
      lines: [{ skuCode: 'LX-DRESS-001-BLK-M', quantity: 1, unitPriceFen: totalFen }],
      totalFen,
      ...(options.at ? { placedAt: options.at.toISOString() } : {}),
    });
  const response = await sendWebhook(gateway.baseUrl, platform, { type, occurredAt: (options.at ?? new Date()).toISOString(), data });
  if (response.status !== 202) throw new Error(`webhook ${type} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { orderId, data };
}

/** Waits until the member behind an account exists and satisfies `accept`. */
export function settledMember(
  gateway: GatewayClient,
  platform: string,
  platformUserId: string,
  accept: (m: MemberView) => boolean = () => true,
  what = 'member',
): Promise<MemberView> {
  return eventually(
    () => memberOf(gateway, platform, platformUserId),
    (m) => m !== null && accept(m),
    { what: `${what} (${platform}:${platformUserId})`, timeoutMs: 30_000 },
  ) as Promise<MemberView>;
}

/** A phone number no other test uses. */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** A member created by a chat message from a new marketplace buyer (no orders, no points), once membership has it. */
export async function chattingMember(gateway: GatewayClient, platformUserId: string): Promise<MemberView> {
  const chat = await sendWebhook(gateway.baseUrl, 'taobao', {
    type: 'message.received',
    data: { conversationId: `conv-${randomUUID().slice(0, 8)}`, buyer: { platformUserId }, text: '在吗', at: new Date().toISOString() },
  });
  if (chat.status !== 202) throw new Error(`message.received answered ${chat.status}`);
  return settledMember(gateway, 'taobao', platformUserId);
}
