import { Injectable } from '@nestjs/common';
import { InvalidStateError, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext, type TransactionContext } from '@shopops/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { levelKey, StockLedger } from '../stock/stock-ledger';
import { StockTransfer, TransferExceedsAvailableError, TransferStatus, type RequestTransferInput } from './transfer.model';

interface TransferRow {
  id: string;
  sku_code: string;
  from_location: string;
  to_location: string;
  quantity: number;
  status: TransferStatus;
  reason: string | null;
  requested_by: string;
  requested_at: Date;
  dispatched_at: Date | null;
  received_at: Date | null;
}

const toTransfer = (r: TransferRow): StockTransfer =>
  Object.assign(new StockTransfer(), {
    id: r.id,
    skuCode: r.sku_code,
    fromLocation: r.from_location,
    toLocation: r.to_location,
    quantity: r.quantity,
    status: r.status,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    dispatchedAt: r.dispatched_at,
    receivedAt: r.received_at,
  });

/** Transfers between locations: requested (units held), in transit (left the source), received. */
@Injectable()
export class TransfersService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: StockLedger,
    private readonly dataSource: DataSource,
  ) {}

  request(ctx: RequestContext, input: RequestTransferInput): Promise<StockTransfer | NotFoundError | TransferExceedsAvailableError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      if (input.fromLocation === input.toLocation) refuse(InvalidStateError.of('Transfer', 'REQUESTED', 'request', 'A transfer needs two different locations'));
      const locations = await selectRows<{ code: string }>(tx.em, `SELECT code FROM location WHERE code = ANY($1::text[])`, [
        [input.fromLocation, input.toLocation],
      ]);
      for (const code of [input.fromLocation, input.toLocation]) if (!locations.some((l) => l.code === code)) refuse(NotFoundError.of('Location', code));
      const level = (await this.ledger.lockLevels(tx, [input.skuCode])).get(levelKey(input.skuCode, input.fromLocation));
      const available = level ? level.onHand - level.reserved : 0;
      if (available < input.quantity) {
        refuse(
          Object.assign(new TransferExceedsAvailableError(), {
            errorCode: 'TRANSFER_EXCEEDS_AVAILABLE',
            message: `Only ${available} of ${input.skuCode} available at ${input.fromLocation}; ${input.quantity} requested`,
            skuCode: input.skuCode,
            locationCode: input.fromLocation,
            quantityRequested: input.quantity,
            quantityAvailable: available,
          }),
        );
      }
      const id = randomUUID();
      const reference = `transfer:${id}`;
      await this.ledger.record(tx, [
        {
          skuCode: input.skuCode,
          locationCode: input.fromLocation,
          kind: 'RESERVATION',
          onHandDelta: 0,
          reservedDelta: input.quantity,
          reference,
          reason: 'held for transfer',
        },
      ]);
      const [row] = await selectRows<TransferRow>(
        tx.em,
        `INSERT INTO stock_transfer (id, sku_code, from_location, to_location, quantity, status, reason, requested_by)
         VALUES ($1, $2, $3, $4, $5, 'REQUESTED', $6, $7) RETURNING *`,
        [id, input.skuCode, input.fromLocation, input.toLocation, input.quantity, input.reason ?? null, ctx.identity.subject],
      );
      return toTransfer(row);
    });
  }

  /** The goods left the source: held units leave its on hand. */
  dispatch(ctx: RequestContext, id: string): Promise<StockTransfer | NotFoundError | InvalidStateError> {
    return this.move(ctx, id, TransferStatus.REQUESTED, TransferStatus.IN_TRANSIT, 'dispatch', (t) => [
      {
        skuCode: t.sku_code,
        locationCode: t.from_location,
        kind: 'TRANSFER_OUT',
        onHandDelta: -t.quantity,
        reservedDelta: -t.quantity,
        reference: `transfer:${t.id}`,
      },
    ]);
  }

  /** The goods arrived: they join the destination's on hand. */
  receive(ctx: RequestContext, id: string): Promise<StockTransfer | NotFoundError | InvalidStateError> {
    return this.move(ctx, id, TransferStatus.IN_TRANSIT, TransferStatus.RECEIVED, 'receive', (t) => [
      { skuCode: t.sku_code, locationCode: t.to_location, kind: 'TRANSFER_IN', onHandDelta: t.quantity, reservedDelta: 0, reference: `transfer:${t.id}` },
    ]);
  }

  /** Only before dispatch: the held units are free again. */
  cancel(ctx: RequestContext, id: string): Promise<StockTransfer | NotFoundError | InvalidStateError> {
    return this.move(ctx, id, TransferStatus.REQUESTED, TransferStatus.CANCELLED, 'cancel', (t) => [
      {
        skuCode: t.sku_code,
        locationCode: t.from_location,
        kind: 'RELEASE',
        onHandDelta: 0,
        reservedDelta: -t.quantity,
        reference: `transfer:${t.id}`,
        reason: 'transfer cancelled',
      },
    ]);
  }

  async list(status?: TransferStatus): Promise<StockTransfer[]> {
    const rows = await selectRows<TransferRow>(
      this.dataSource,
      `SELECT * FROM stock_transfer WHERE ($1::text IS NULL OR status = $1) ORDER BY requested_at DESC LIMIT 200`,
      [status ?? null],
    );
    return rows.map(toTransfer);
  }

  private move(
    ctx: RequestContext,
    id: string,
    from: TransferStatus,
    to: TransferStatus,
    action: string,
    movements: (t: TransferRow) => Parameters<StockLedger['record']>[1],
  ): Promise<StockTransfer | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx: TransactionContext) => {
      const transfer = await selectRow<TransferRow>(tx.em, `SELECT * FROM stock_transfer WHERE id::text = $1 FOR UPDATE`, [id]);
      if (!transfer) refuse(NotFoundError.of('Transfer', id));
      if (transfer.status !== from) refuse(InvalidStateError.of('Transfer', transfer.status, action));
      await this.ledger.lockLevels(tx, [transfer.sku_code]);
      await this.ledger.record(tx, movements(transfer));
      const [row] = await selectRows<TransferRow>(
        tx.em,
        `WITH moved AS (
           UPDATE stock_transfer SET status = $2,
                  dispatched_at = CASE WHEN $2 = 'IN_TRANSIT' THEN now() ELSE dispatched_at END,
                  received_at = CASE WHEN $2 = 'RECEIVED' THEN now() ELSE received_at END
            WHERE id = $1 RETURNING *)
         SELECT * FROM moved`,
        [transfer.id, to],
      );
      return toTransfer(row);
    });
  }
}
