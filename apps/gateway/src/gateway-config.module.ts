import { configSection, PII_VAULT_SECTION } from '@shopops/platform';
import { loadGatewayConfig } from './gateway.config';
import { loadOutboundConfig } from './outbound/outbound.config';
import { OUTBOUND_CONFIG } from './outbound/outbound.tokens';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The gateway's configuration, validated with the platform's at start: its edge, outbound webhooks and the PII vault. */
export const GATEWAY_CONFIG_SECTIONS = [
  configSection('gateway', GATEWAY_CONFIG, loadGatewayConfig),
  configSection('outbound', OUTBOUND_CONFIG, loadOutboundConfig),
  PII_VAULT_SECTION,
];
