import { Module } from '@nestjs/common';
import { PII_VAULT, PiiVault } from '@shopops/platform';
import { DeliveryPrivacyHandler } from './delivery-privacy.handler';
import { WebhookIngestService } from './webhook-ingest.service';

@Module({
  providers: [WebhookIngestService, DeliveryPrivacyHandler, { provide: PII_VAULT, useFactory: () => PiiVault.fromEnv() }],
  exports: [WebhookIngestService],
})
export class WebhooksModule {}
