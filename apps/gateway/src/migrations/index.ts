import { WebhookDeliveries1732406400000 } from './1732406400000-webhook-deliveries';
import { OutboundWebhooks1732500000000 } from './1732500000000-outbound-webhooks';
import { WebhookPrivacy1733700000000 } from './1733700000000-webhook-privacy';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const GATEWAY_MIGRATIONS = [WebhookDeliveries1732406400000, OutboundWebhooks1732500000000, WebhookPrivacy1733700000000];
