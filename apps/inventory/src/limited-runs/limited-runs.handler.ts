import { Injectable } from '@nestjs/common';
import { CollectionRunChanged, type CollectionRunPayload, type EventEnvelope } from '@shopops/contracts';
import { execute, OnEvent, type TransactionContext } from '@shopops/platform';

/** Collections' limited runs as the catalog changes them; a late, older version changes nothing. */
@Injectable()
export class LimitedRunsHandler {
  @OnEvent(CollectionRunChanged)
  async runChanged(tx: TransactionContext, event: EventEnvelope<CollectionRunPayload>): Promise<void> {
    const p = event.payload;
    await execute(
      tx.em,
      `INSERT INTO limited_run (collection_id, code, sku_codes, run, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (collection_id) DO UPDATE SET code = EXCLUDED.code, sku_codes = EXCLUDED.sku_codes, run = EXCLUDED.run, version = EXCLUDED.version
        WHERE limited_run.version < EXCLUDED.version`,
      [p.collectionId, p.code, p.skuCodes, p.limitedRun ?? null, p.version],
    );
  }
}
