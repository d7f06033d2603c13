import { execute, selectRows, type TransactionContext } from '@shopops/platform';
import { OrderHolds } from '../reservations/order-holds';
import type { ReservationState } from '../reservations/reservation.types';

interface Run {
  readonly collectionId: string;
  readonly code: string;
  readonly skuCodes: ReadonlySet<string>;
  readonly run: number;
  sold: number;
}

export interface LimitedRunRefusal {
  readonly kind: 'limited-run';
  readonly message: string;
  readonly skuCode: string;
  readonly requested: number;
  /** Units of the run still to be sold. */
  readonly available: number;
}

interface RunRow {
  collection_id: string;
  code: string;
  sku_codes: string[];
  run: number;
  sold: number;
}

/**
 * The limited runs (限量) a reservation batch touches, locked for the batch: every unit of a run's
 * SKUs counts against the run, on every channel, all lines or none; a released order gives its
 * units back. Concurrent batches queue on the run's row, so a run is never oversold.
 */
export class LimitedRunGate {
  private readonly holds = new OrderHolds<{ run: Run; units: number }>();

  private constructor(
    private readonly runs: Run[],
    held: Array<{ collection_id: string; channel: string; order_id: string; units: number }>,
  ) {
    for (const h of held) {
      const run = runs.find((r) => r.collectionId === h.collection_id);
      if (run) this.holds.load(h.channel, h.order_id, { run, units: h.units });
    }
  }

  static async load(tx: TransactionContext, skuCodes: readonly string[], orders: ReadonlyArray<{ channel: string; orderId: string }>): Promise<LimitedRunGate> {
    const rows = skuCodes.length
      ? await selectRows<RunRow>(
          tx.em,
          `SELECT collection_id, code, sku_codes, run, sold FROM limited_run WHERE sku_codes && $1::text[] AND run IS NOT NULL ORDER BY collection_id FOR UPDATE`,
          [skuCodes],
        )
      : [];
    const held = rows.length
      ? await selectRows<{ collection_id: string; channel: string; order_id: string; units: number }>(
          tx.em,
          `SELECT collection_id, channel, order_id, units FROM limited_run_order
            WHERE collection_id = ANY ($1::uuid[]) AND (channel, order_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [rows.map((r) => r.collection_id), orders.map((o) => o.channel), orders.map((o) => o.orderId)],
        )
      : [];
    const runs = rows.map((r) => ({ collectionId: r.collection_id, code: r.code, skuCodes: new Set(r.sku_codes), run: r.run, sold: r.sold }));
    return new LimitedRunGate(runs, held);
  }

  /** Takes the order's units of each run it touches, or refuses the order with the reason. */
  admit(state: ReservationState): LimitedRunRefusal | undefined {
    if (!this.runs.length) return undefined;
    if (this.holds.holds(state.channel, state.orderId)) return undefined;
    const takes: Array<{ run: Run; units: number }> = [];
    for (const run of this.runs) {
      const lines = state.lines.filter((l) => run.skuCodes.has(l.skuCode));
      const units = lines.reduce((n, l) => n + l.quantity, 0);
      if (!units) continue;
      if (run.sold + units > run.run) {
        const left = Math.max(0, run.run - run.sold);
        return {
          kind: 'limited-run',
          message: `limited run ${run.code} sold out: ${left} of ${run.run} left`,
          skuCode: lines[0].skuCode,
          requested: units,
          available: left,
        };
      }
      takes.push({ run, units });
    }
    for (const t of takes) t.run.sold += t.units;
    this.holds.admit(state.channel, state.orderId, takes);
    return undefined;
  }

  /** The order did not get its stock after all, or was released: its units go back to the run. */
  giveBack(state: ReservationState): void {
    for (const t of this.holds.release(state.channel, state.orderId)) t.run.sold -= t.units;
  }

  async save(tx: TransactionContext): Promise<void> {
    if (!this.runs.length) return;
    await execute(tx.em, `UPDATE limited_run r SET sold = t.sold FROM unnest($1::uuid[], $2::int[]) AS t(id, sold) WHERE r.collection_id = t.id`, [
      this.runs.map((r) => r.collectionId),
      this.runs.map((r) => r.sold),
    ]);
    const added = this.holds.added();
    if (added.length) {
      await execute(
        tx.em,
        `INSERT INTO limited_run_order (collection_id, channel, order_id, units) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[]) ON CONFLICT DO NOTHING`,
        [added.map((a) => a.hold.run.collectionId), added.map((a) => a.channel), added.map((a) => a.orderId), added.map((a) => a.hold.units)],
      );
    }
    const gone = this.holds.removed();
    if (gone.length) {
      await execute(
        tx.em,
        `DELETE FROM limited_run_order WHERE collection_id = ANY ($1::uuid[]) AND (channel, order_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        [this.runs.map((r) => r.collectionId), gone.map((g) => g.channel), gone.map((g) => g.orderId)],
      );
    }
  }
}
