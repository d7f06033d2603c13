import { Injectable } from '@nestjs/common';
import { SlowMovingStockDetected, type EventEnvelope, type SlowMovingStockPayload } from '@shopops/contracts';
import { execute, NotFoundError, OnEvent, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { PortfolioRole, type Product } from '../products/product.entity';
import { ProductWriter } from '../products/product-writer';
import { ProductsService } from '../products/products.service';
import { RoleSuggestion } from './portfolio.model';

interface RoleSuggestionRow {
  code: string;
  portfolio_role: PortfolioRole;
  suggested_role: PortfolioRole;
  reason: string;
  sku_code: string;
  status: string;
  detected_at: Date;
}

/**
 * Inventory's slow-moving stock suggests the clearance role for its product (once while open);
 * an operator accepts it (the role changes, with a new version) or dismisses it.
 */
@Injectable()
export class RoleSuggestionsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
    private readonly products: ProductsService,
  ) {}

  @OnEvent(SlowMovingStockDetected)
  async suggestClearance(tx: TransactionContext, event: EventEnvelope<SlowMovingStockPayload>): Promise<void> {
    const p = event.payload;
    const reason = `slow-moving: ${p.onHand} on hand${p.daysSinceLastSale !== undefined ? `, ${p.daysSinceLastSale} days without a sale` : ''}${p.coverDays !== undefined ? `, ${Math.round(p.coverDays)} days of cover` : ''}`;
    await execute(
      tx.em,
      `INSERT INTO role_suggestion (product_id, suggested_role, reason, sku_code)
       SELECT p.id, 'CLEARANCE', $2, $1 FROM sku s JOIN product p ON p.id = s.product_id
        WHERE s.code = $1 AND p.portfolio_role <> 'CLEARANCE' AND p.status <> 'ARCHIVED'
       ON CONFLICT (product_id, suggested_role) WHERE status = 'OPEN' DO NOTHING`,
      [p.skuCode, reason],
    );
  }

  async list(status: string): Promise<RoleSuggestion[]> {
    const rows = await selectRows<RoleSuggestionRow>(
      this.dataSource,
      `SELECT p.code, p.portfolio_role, r.suggested_role, r.reason, r.sku_code, r.status, r.detected_at FROM role_suggestion r JOIN product p ON p.id = r.product_id
        WHERE r.status = $1 ORDER BY r.detected_at DESC LIMIT 500`,
      [status],
    );
    return rows.map((r) =>
      Object.assign(new RoleSuggestion(), {
        productCode: r.code,
        currentRole: r.portfolio_role,
        suggestedRole: r.suggested_role,
        reason: r.reason,
        skuCode: r.sku_code,
        status: r.status,
        detectedAt: r.detected_at,
      }),
    );
  }

  decide(ctx: RequestContext, productCode: string, accept: boolean): Promise<Product | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const product = await this.writer.lock(tx, productCode);
      const open = await selectRow<{ suggested_role: PortfolioRole }>(
        tx.em,
        `WITH d AS (UPDATE role_suggestion SET status = $2, decided_by = $3, decided_at = now() WHERE product_id = $1 AND status = 'OPEN' RETURNING suggested_role) SELECT suggested_role FROM d`,
        [product.id, accept ? 'ACCEPTED' : 'DISMISSED', ctx.identity.subject],
      );
      if (!open) refuse(NotFoundError.of('Role suggestion', productCode));
      if (!accept) return product;
      const updated = await this.products.updateProduct(tx, { code: productCode, portfolioRole: open.suggested_role });
      return updated as Product;
    });
  }
}
