import type { ChannelBuyer } from '@shopops/contracts';
import type { PiiVault } from '@shopops/platform';
import type { MappedWebhook } from './webhook-adapters';

/** The buyer as the integrator sent it: the contract's fields, and whatever else it added. */
type BuyerAsSent = Readonly<Record<string, unknown>> & {
  readonly platformUserId: string;
  readonly nickname?: string;
  readonly phone?: string;
};

/** A body mapWebhook accepted: an envelope whose data may name a buyer. */
export interface ParsedDelivery {
  readonly data: Record<string, unknown> & { buyer?: BuyerAsSent };
}

/** What the gateway keeps and passes on of one delivery, the buyer's phone and nickname sealed. */
export interface SealedDelivery {
  readonly body: string;
  readonly mapped: MappedWebhook;
  /** Keyed hash of the buyer's account (source + platform user id): how erasure finds the delivery. */
  readonly buyerRef: string | null;
}

export function accountRef(vault: PiiVault, platform: string, platformUserId: string): string {
  return vault.lookupHash('account', `${platform}:${platformUserId}`);
}

/** Other fields the integrator put on the buyer are left out of events: only what we know is safe passes. */
export function sealBuyer(vault: PiiVault, buyer: BuyerAsSent): ChannelBuyer {
  return {
    platformUserId: buyer.platformUserId,
    ...(buyer.nickname ? { nicknameSealed: vault.seal(buyer.nickname) } : {}),
    ...(buyer.phone ? { phoneSealed: vault.seal(buyer.phone), phoneHash: vault.lookupHash('phone', buyer.phone) } : {}),
  };
}

/**
 * Seals the buyer of a validated delivery in both the body kept for replay and the event: no
 * phone or nickname is stored, queued or logged in clear. Other buyer fields are kept, sealed
 * together, in the stored body only. Deliveries without a buyer are kept as sent.
 */
export function sealDelivery(vault: PiiVault, source: string, rawBody: string, parsed: ParsedDelivery, mapped: MappedWebhook): SealedDelivery {
  const buyer = parsed.data.buyer;
  if (!buyer) return { body: rawBody, mapped, buyerRef: null };
  const sealed = sealBuyer(vault, buyer);
  const { platformUserId: _id, nickname: _nickname, phone: _phone, ...otherFields } = buyer;
  const kept = Object.keys(otherFields).length > 0 ? { ...sealed, otherFieldsSealed: vault.seal(JSON.stringify(otherFields)) } : sealed;
  return {
    body: JSON.stringify({ ...parsed, data: { ...parsed.data, buyer: kept } }),
    mapped: { ...mapped, payload: { ...mapped.payload, buyer: sealed } },
    buyerRef: accountRef(vault, source, buyer.platformUserId),
  };
}
