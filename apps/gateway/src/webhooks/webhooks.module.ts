import { Module } from '@nestjs/common';
import { WebhookIngestService } from './webhook-ingest.service';

@Module({ providers: [WebhookIngestService], exports: [WebhookIngestService] })
export class WebhooksModule {}
