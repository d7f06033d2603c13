import { ChannelOrderCreated } from '@shopops/contracts';
import { PiiVault } from '@shopops/platform';
import { orderData } from '@shopops/testing/fixtures';
import { mapWebhook } from './webhook-adapters';
import { accountRef, sealDelivery } from './buyer-sealing';

const vault = PiiVault.fromEnv({ PII_KEYS: `t1:${Buffer.from('buyer-sealing-test-key'.padEnd(32, '.')).toString('base64')}` });

function delivery(data: Record<string, unknown>, type = 'order.created') {
  const parsed = { type, occurredAt: '2026-11-11T00:00:03.120+08:00', data, extra: 'kept' };
  const mapping = mapWebhook('taobao', 'wh-1', parsed);
  if (!mapping.ok) throw new Error(JSON.stringify(mapping.problems));
  return { raw: JSON.stringify(parsed), parsed, mapped: mapping.mapped };
}

describe('buyer sealing at ingest', () => {
  const order = orderData('TB-SEAL-1') as { buyer: { platformUserId: string }; totalFen: number };

  it('keeps no clear phone or nickname in the stored body or the event, and both open with the key', () => {
    const { raw, parsed, mapped } = delivery(order);
    const sealed = sealDelivery(vault, 'taobao', raw, parsed, mapped);
    for (const text of [sealed.body, JSON.stringify(sealed.mapped.payload)]) {
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('小雨');
    }
    const stored = JSON.parse(sealed.body);
    expect(stored).toMatchObject({ extra: 'kept', data: { orderId: 'TB-SEAL-1', totalFen: order.totalFen } });
    expect(vault.open(stored.data.buyer.phoneSealed)).toBe('13800138000');
    expect(vault.open(stored.data.buyer.nicknameSealed)).toBe('小雨');
    expect(stored.data.buyer.phoneHash).toBe(vault.lookupHash('phone', '13800138000'));
    expect(sealed.buyerRef).toBe(accountRef(vault, 'taobao', order.buyer.platformUserId));
  });

  it('emits a payload the channel event accepts, the buyer as its account and sealed fields only', () => {
    const address = '上海市静安区南京西路1266号';
    const { raw, parsed, mapped } = delivery({ ...order, buyer: { ...order.buyer, address } });
    const sealed = sealDelivery(vault, 'taobao', raw, parsed, mapped);
    const checked = ChannelOrderCreated.validate(sealed.mapped.payload);
    expect(checked.ok).toBe(true);
    expect(Object.keys((sealed.mapped.payload as { buyer: object }).buyer).sort()).toEqual(['nicknameSealed', 'phoneHash', 'phoneSealed', 'platformUserId']);
    // Fields beyond the contract's are kept with the delivery, sealed, and passed on to no one.
    expect(sealed.body).not.toContain(address);
    expect(JSON.parse(vault.open(JSON.parse(sealed.body).data.buyer.otherFieldsSealed))).toEqual({ address });
  });

  it('keeps a delivery without a buyer byte for byte', () => {
    const { raw, parsed, mapped } = delivery({ trackingNo: 'SF1', carrier: 'SF', status: 'delivered', at: '2026-11-12T10:00:00+08:00' }, 'logistics.updated');
    expect(sealDelivery(vault, 'logistics', raw, parsed, mapped)).toEqual({ body: raw, mapped, buyerRef: null });
  });
});
