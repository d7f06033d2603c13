import { Inject, Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { PortfolioRole } from '../products/product.entity';
import { SHOP_TIME_ZONE } from '../pricing/price-honesty';
import { PortfolioMix, PortfolioRoleShare } from './portfolio.model';
import { resourceMix } from './resource-mix';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The portfolio's resources against the "4321" target and the bestseller share (≤ 30% keeps margin near 40%). */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  async mix(): Promise<PortfolioMix> {
    const days = this.config.portfolioResourceDays;
    const [counts, resources, [best]] = await Promise.all([
      selectRows<{ role: PortfolioRole; n: number }>(
        this.dataSource,
        `SELECT portfolio_role AS role, count(*)::int AS n FROM product WHERE status <> 'ARCHIVED' AND lifecycle_stage <> 'EXIT' GROUP BY portfolio_role`,
      ),
      // One slot-day per product per day of a promotion on any of its SKUs, clipped to the period.
      selectRows<{ role: PortfolioRole; days: number }>(
        this.dataSource,
        `SELECT p.portfolio_role AS role,
                sum(extract(epoch FROM least(pp.ends_at, now() + $1 * interval '1 day') - greatest(pp.starts_at, now() - $1 * interval '1 day')) / 86400)::float AS days
           FROM (SELECT DISTINCT pr.id, pr.starts_at, pr.ends_at, s.product_id FROM promotion pr
                   JOIN promotion_sku ps ON ps.promotion_id = pr.id JOIN sku s ON s.id = ps.sku_id
                  WHERE pr.status IN ('SCHEDULED', 'ACTIVE', 'ENDED')
                    AND pr.starts_at < now() + $1 * interval '1 day' AND pr.ends_at > now() - $1 * interval '1 day') pp
           JOIN product p ON p.id = pp.product_id
          WHERE p.status <> 'ARCHIVED' AND p.lifecycle_stage <> 'EXIT'
          GROUP BY p.portfolio_role`,
        [days],
      ),
      selectRows<{ n: number }>(
        this.dataSource,
        `SELECT count(*)::int AS n FROM (
           SELECT s.product_id FROM sku_sale d JOIN sku s ON s.code = d.sku_code JOIN product p ON p.id = s.product_id
            WHERE d.day > (now() AT TIME ZONE $2)::date - 30 AND p.status <> 'ARCHIVED' AND p.lifecycle_stage <> 'EXIT'
            GROUP BY s.product_id HAVING sum(d.units) >= $1) b`,
        [this.config.bestsellerMinUnits30d, SHOP_TIME_ZONE],
      ),
    ]);
    const total = counts.reduce((sum, c) => sum + c.n, 0);
    const shares = resourceMix(
      Object.values(PortfolioRole).map((role) => ({
        role,
        products: counts.find((c) => c.role === role)?.n ?? 0,
        resourceDays: round1(resources.find((r) => r.role === role)?.days ?? 0),
      })),
      this.config.portfolioTarget,
    );
    const roles = shares.map((r) =>
      Object.assign(new PortfolioRoleShare(), {
        role: r.role as PortfolioRole,
        products: r.products,
        sharePercent: r.productSharePercent,
        resourceDays: r.resourceDays,
        resourceSharePercent: r.resourceSharePercent,
        targetPercent: r.targetPercent,
        gapPoints: r.gapPoints,
      }),
    );
    const bestsellerSharePercent = total ? round1((100 * best.n) / total) : 0;
    const sumDays = (targeted: boolean) => round1(shares.filter((r) => (r.targetPercent !== null) === targeted).reduce((n, r) => n + r.resourceDays, 0));
    return Object.assign(new PortfolioMix(), {
      products: total,
      resourceMeasure: `promotion slot-days: one per product per day it has a promotion (not cancelled or suspended) on any of its SKUs, over the ${days} days before and after now`,
      targetRoleResourceDays: sumDays(true),
      otherResourceDays: sumDays(false),
      roles,
      bestsellers: best.n,
      bestsellerSharePercent,
      bestsellerMaxPercent: this.config.bestsellerMaxPercent,
      withinBestsellerLimit: bestsellerSharePercent <= this.config.bestsellerMaxPercent,
    });
  }
}
