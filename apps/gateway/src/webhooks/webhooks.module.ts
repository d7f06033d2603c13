import { Module } from '@nestjs/common';
import { DeliveryPrivacyHandler } from './delivery-privacy.handler';
import { WebhookIngestService } from './webhook-ingest.service';

@Module({
  providers: [WebhookIngestService, DeliveryPrivacyHandler],
  exports: [WebhookIngestService],
})
export class WebhooksModule {}
