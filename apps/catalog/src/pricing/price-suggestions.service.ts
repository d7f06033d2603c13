import { Inject, Injectable } from '@nestjs/common';
import { execute, NotFoundError, refuse, Scheduled, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { Sku } from '../products/sku.entity';
import { SHOP_TIME_ZONE } from './price-honesty';
import { suggestPrice } from './price-suggestion';
import { PriceSuggestion } from './price-suggestions.model';
import { PricingService } from './pricing.service';

interface SignalRow {
  id: string;
  list_price_fen: number;
  stock: number | null;
  sold: number;
  season_ends_in_days: number | null;
}

interface SuggestionRow {
  sku_code: string;
  product_code: string;
  direction: string;
  current_price_fen: number;
  suggested_price_fen: number;
  stock: number;
  sold: number;
  sell_through_percent: number;
  cover_days: number | null;
  reasons: string[];
  status: string;
  detected_at: Date;
}

/**
 * Dynamic pricing suggestions: a daily scan reads each live SKU's stock (what channels publish as
 * sellable), sales in the window and the end of its seasonal collection, and records one open
 * suggestion per SKU; an operator accepts it (the list price changes, PriceChanged goes out) or
 * dismisses it. A decided SKU is left alone for the cool-down.
 */
@Injectable()
export class PriceSuggestionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly pricing: PricingService,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  @Scheduled({ name: 'catalog.price-suggestions', cron: '20 3 * * *' })
  async scan(ctx: RequestContext): Promise<void> {
    const policy = this.config.pricingSuggestions;
    await this.unitOfWork.run(ctx, async (tx) => {
      const skus = await selectRows<SignalRow>(
        tx.em,
        `SELECT s.id, s.list_price_fen,
                (SELECT max(c.quantity) FROM sku_channel_stock c WHERE c.sku_code = s.code) AS stock,
                coalesce((SELECT sum(d.units) FROM sku_sale d WHERE d.sku_code = s.code AND d.day > (now() AT TIME ZONE $3)::date - $1::int), 0)::int AS sold,
                (SELECT min(extract(epoch FROM c.ends_at - now()) / 86400)::float FROM collection_product cp JOIN collection c ON c.id = cp.collection_id
                  WHERE cp.product_id = s.product_id AND c.kind = 'SEASONAL' AND c.ends_at > now()) AS season_ends_in_days
           FROM sku s JOIN product p ON p.id = s.product_id
          WHERE NOT s.archived AND p.status <> 'ARCHIVED' AND p.lifecycle_stage <> 'EXIT'
            AND NOT EXISTS (SELECT 1 FROM price_suggestion x WHERE x.sku_id = s.id AND (x.status = 'OPEN' OR x.decided_at > now() - $2 * interval '1 day'))
          ORDER BY s.id`,
        [policy.windowDays, policy.cooldownDays, SHOP_TIME_ZONE],
      );
      const drafts = skus.flatMap((s) => {
        const draft = suggestPrice({ listPriceFen: s.list_price_fen, stock: s.stock, sold: s.sold, seasonEndsInDays: s.season_ends_in_days }, policy);
        return draft ? [{ sku: s, ...draft }] : [];
      });
      if (!drafts.length) return;
      await execute(
        tx.em,
        `INSERT INTO price_suggestion (sku_id, direction, current_price_fen, suggested_price_fen, stock, sold, sell_through_percent, cover_days, reasons)
         SELECT t.sku_id, t.direction, t.current, t.suggested, t.stock, t.sold, t.sell_through, t.cover, ARRAY(SELECT jsonb_array_elements_text(t.reasons))
           FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::real[], $8::real[], $9::jsonb[])
             AS t(sku_id, direction, current, suggested, stock, sold, sell_through, cover, reasons)
         ON CONFLICT (sku_id) WHERE status = 'OPEN' DO NOTHING`,
        [
          drafts.map((d) => d.sku.id),
          drafts.map((d) => d.direction),
          drafts.map((d) => d.sku.list_price_fen),
          drafts.map((d) => d.suggestedPriceFen),
          drafts.map((d) => d.sku.stock),
          drafts.map((d) => d.sku.sold),
          drafts.map((d) => d.sellThroughPercent),
          drafts.map((d) => d.coverDays),
          drafts.map((d) => JSON.stringify(d.reasons)),
        ],
      );
    });
  }

  async list(status: string): Promise<PriceSuggestion[]> {
    const rows = await selectRows<SuggestionRow>(
      this.dataSource,
      `SELECT s.code AS sku_code, p.code AS product_code, x.direction, x.current_price_fen, x.suggested_price_fen, x.stock, x.sold,
              x.sell_through_percent, x.cover_days, x.reasons, x.status, x.detected_at
         FROM price_suggestion x JOIN sku s ON s.id = x.sku_id JOIN product p ON p.id = s.product_id
        WHERE x.status = $1 ORDER BY x.detected_at DESC, s.code LIMIT 500`,
      [status],
    );
    return rows.map((r) =>
      Object.assign(new PriceSuggestion(), {
        skuCode: r.sku_code,
        productCode: r.product_code,
        direction: r.direction,
        currentPriceFen: r.current_price_fen,
        suggestedPriceFen: r.suggested_price_fen,
        stock: r.stock,
        sold: r.sold,
        sellThroughPercent: r.sell_through_percent,
        coverDays: r.cover_days,
        reasons: r.reasons,
        status: r.status,
        detectedAt: r.detected_at,
      }),
    );
  }

  /** Accepting sets the suggested list price (history, version, PriceChanged, honesty re-check) in the same transaction. */
  decide(ctx: RequestContext, skuCode: string, accept: boolean): Promise<Sku | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const open = await selectRow<{ suggested_price_fen: number }>(
        tx.em,
        `UPDATE price_suggestion x SET status = $2, decided_by = $3, decided_at = now() FROM sku s
          WHERE s.id = x.sku_id AND s.code = $1 AND x.status = 'OPEN' RETURNING x.suggested_price_fen`,
        [skuCode, accept ? 'ACCEPTED' : 'DISMISSED', ctx.identity.subject],
      );
      if (!open) refuse(NotFoundError.of('Price suggestion', skuCode));
      if (accept) return this.pricing.changeListPrice(tx, ctx.identity.subject, skuCode, open.suggested_price_fen);
      return tx.repo(Sku).findOneByOrFail({ code: skuCode });
    });
  }
}
