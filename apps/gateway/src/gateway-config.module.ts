import { Global, Module } from '@nestjs/common';
import { loadGatewayConfig } from './gateway.config';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

@Global()
@Module({
  providers: [{ provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() }],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}
