import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import type { EntityManager } from 'typeorm';
import { backTest, forecastDemand, type BackTest, type Forecast } from './demand-forecast';

export const HISTORY_DAYS = 112;

export interface SalesHistory {
  /** Units shipped per Asia/Shanghai day, oldest first, ending yesterday. */
  readonly daily: number[];
  /** Weekday of the last day, Monday = 0. */
  readonly lastWeekday: number;
}

/** Demand per SKU from the ledger's shipments: what actually left the warehouses. */
@Injectable()
export class ForecastService {
  async history(em: EntityManager, skuCode: string, locationCode?: string, days = HISTORY_DAYS): Promise<SalesHistory> {
    const rows = await selectRows<{ units: number; isodow: number }>(
      em,
      `WITH days AS (
         SELECT generate_series((now() AT TIME ZONE 'Asia/Shanghai')::date - $2::int,
                                (now() AT TIME ZONE 'Asia/Shanghai')::date - 1, interval '1 day')::date AS day),
       sales AS (
         SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, sum(-on_hand_delta) AS units
           FROM stock_movement
          WHERE kind = 'SHIPMENT' AND sku_code = $1 AND ($3::text IS NULL OR location_code = $3)
            AND created_at >= now() - ($2::int + 1) * interval '1 day'
          GROUP BY 1)
       SELECT coalesce(s.units, 0)::int AS units, extract(isodow FROM d.day)::int AS isodow
         FROM days d LEFT JOIN sales s USING (day) ORDER BY d.day`,
      [skuCode, days, locationCode ?? null],
    );
    return { daily: rows.map((r) => r.units), lastWeekday: (rows[rows.length - 1]?.isodow ?? 1) - 1 };
  }

  async forecast(em: EntityManager, skuCode: string, locationCode?: string, horizon = 30): Promise<Forecast & { backTest: BackTest }> {
    const history = await this.history(em, skuCode, locationCode);
    return { ...forecastDemand(history.daily, history.lastWeekday, horizon), backTest: backTest(history.daily, history.lastWeekday) };
  }
}
