import { Injectable } from '@nestjs/common';
import { SkuCreated, type EventEnvelope, type SkuCreatedPayload } from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { KnownSku } from './known-sku.entity';

@Injectable()
export class KnownSkusHandler {
  /** Learns a new SKU so stock can be received for it. */
  @OnEvent(SkuCreated)
  async recordSku(tx: TransactionContext, event: EventEnvelope<SkuCreatedPayload>): Promise<void> {
    const sku = event.payload;
    await tx.repo(KnownSku).upsert(
      {
        skuCode: sku.code,
        productId: sku.productId,
        productCode: sku.productCode,
        categoryCode: sku.categoryCode ?? null,
        listPriceFen: sku.listPriceFen,
      },
      ['skuCode'],
    );
  }
}
