import { Module } from '@nestjs/common';
import { PII_VAULT, PiiVault } from '@shopops/platform';
import { BuyerErasureHandler } from './buyer-erasure.handler';
import { WebhookIngestService } from './webhook-ingest.service';

@Module({
  providers: [WebhookIngestService, BuyerErasureHandler, { provide: PII_VAULT, useFactory: () => PiiVault.fromEnv() }],
  exports: [WebhookIngestService],
})
export class WebhooksModule {}
