import { Inject, Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { PortfolioRole } from '../products/product.entity';
import { PortfolioMix, PortfolioRoleShare } from './portfolio.model';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The portfolio mix against the "4321" target and the bestseller share (≤ 30% keeps margin near 40%). */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async mix(): Promise<PortfolioMix> {
    const [counts, [best]] = await Promise.all([
      selectRows<{ role: PortfolioRole; n: number }>(
        this.dataSource,
        `SELECT portfolio_role AS role, count(*)::int AS n FROM product WHERE status <> 'ARCHIVED' AND lifecycle_stage <> 'EXIT' GROUP BY portfolio_role`,
      ),
      selectRows<{ n: number }>(
        this.dataSource,
        `SELECT count(*)::int AS n FROM (
           SELECT s.product_id FROM sku_sale d JOIN sku s ON s.code = d.sku_code JOIN product p ON p.id = s.product_id
            WHERE d.day > current_date - 30 AND p.status <> 'ARCHIVED' AND p.lifecycle_stage <> 'EXIT'
            GROUP BY s.product_id HAVING sum(d.units) >= $1) b`,
        [this.config.bestsellerMinUnits30d],
      ),
    ]);
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    const share = (n: number) => (total ? round1((100 * n) / total) : 0);
    const targets = this.config.portfolioTarget as Partial<Record<PortfolioRole, number>>;
    const roles = Object.values(PortfolioRole).map((role) => {
      const n = counts.find((c) => c.role === role)?.n ?? 0;
      const target = targets[role] ?? null;
      return Object.assign(new PortfolioRoleShare(), {
        role,
        products: n,
        sharePercent: share(n),
        targetPercent: target,
        gapPoints: target === null ? null : round1(share(n) - target),
      });
    });
    const bestsellerSharePercent = share(best.n);
    return Object.assign(new PortfolioMix(), {
      products: total,
      roles,
      bestsellers: best.n,
      bestsellerSharePercent,
      bestsellerMaxPercent: this.config.bestsellerMaxPercent,
      withinBestsellerLimit: bestsellerSharePercent <= this.config.bestsellerMaxPercent,
    });
  }
}
