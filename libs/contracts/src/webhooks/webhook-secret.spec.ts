import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { developmentWebhookSecret, newWebhookSecret, webhookSecretOf, webhookSignatureHeader, webhookSigningKey } from './webhook-secret';

describe('webhook secrets', () => {
  it('reads the key the standardwebhooks package signs with', () => {
    const secret = newWebhookSecret();
    const timestamp = new Date();
    const signature = new Webhook(secret).sign('msg_1', timestamp, '{}');
    const key = webhookSigningKey(secret);
    expect(key).not.toBeNull();
    const ours = createHmac('sha256', key!)
      .update(`msg_1.${Math.floor(timestamp.getTime() / 1000)}.{}`)
      .digest('base64');
    expect(signature).toBe(`v1,${ours}`);
  });

  it('refuses values that are not whsec_<base64>', () => {
    expect(webhookSigningKey('sk_live_abc')).toBeNull();
    expect(webhookSigningKey('whsec_')).toBeNull();
    expect(webhookSigningKey('whsec_not base64!')).toBeNull();
    expect(webhookSigningKey(' whsec_YWJj')).toBeNull();
  });

  it('round-trips a key and gives each source its own development secret', () => {
    const key = Buffer.from('shopops-key');
    expect(webhookSigningKey(webhookSecretOf(key))).toEqual(key);
    expect(developmentWebhookSecret('taobao')).toBe(`whsec_${Buffer.from('shopops-dev-taobao-signing-key').toString('base64')}`);
    expect(developmentWebhookSecret('taobao')).not.toBe(developmentWebhookSecret('douyin'));
  });
});

describe('webhookSignatureHeader', () => {
  it('signs once per secret, each verifiable by the standardwebhooks package', () => {
    const [old, current] = [developmentWebhookSecret('douyin'), newWebhookSecret()];
    const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000);
    const header = webhookSignatureHeader([old, current], 'msg_2', timestamp.getTime() / 1000, '{"a":1}');
    expect(header.split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': 'msg_2', 'webhook-timestamp': String(timestamp.getTime() / 1000), 'webhook-signature': header };
    for (const secret of [old, current]) expect(new Webhook(secret).verify('{"a":1}', headers)).toEqual({ a: 1 });
  });
});
