import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../events/define-event';

export const RESERVATION_STATUSES = ['RESERVED', 'COMMITTED', 'RELEASED', 'REJECTED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export class ReservationLineSnapshot {
  @IsString() skuCode!: string;
  @IsString() locationCode!: string;
  @IsInt() @Min(1) quantity!: number;
}

export class ReservationChangedPayload {
  @IsString() @Length(1, 32) channel!: string;
  @IsString() @Length(1, 64) orderId!: string;
  @IsIn(RESERVATION_STATUSES) status!: ReservationStatus;
  @IsOptional() @IsString() reason?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReservationLineSnapshot) lines!: ReservationLineSnapshot[];
}

export class StockLowPayload {
  @IsString() skuCode!: string;
  @IsString() locationCode!: string;
  @IsInt() available!: number;
  @IsInt() safetyStock!: number;
  /** Units the replenishment policy suggests ordering. */
  @IsOptional() @IsInt() @Min(0) suggestedQuantity?: number;
}

/** What one sales channel should publish as sellable for a SKU (outbound stock sync). */
export class ChannelStockChangedPayload {
  @IsString() channel!: string;
  @IsString() skuCode!: string;
  @IsInt() @Min(0) quantity!: number;
}

/** Stock that is not selling: a candidate for the clearance role and a promotion. */
export class SlowMovingStockPayload {
  @IsString() skuCode!: string;
  @IsInt() onHand!: number;
  @IsOptional() @IsInt() daysSinceLastSale?: number;
  @IsOptional() @IsNumber() coverDays?: number;
}

export class SupplierGradedPayload {
  @IsString() supplierCode!: string;
  @IsString() grade!: string;
  @IsNumber() score!: number;
  @IsNumber() onTimeRate!: number;
  @IsNumber() qualityPassRate!: number;
}

export const ReservationChanged = defineEvent('inventory.reservation.changed.v1', 'inventory', ReservationChangedPayload);
export const StockLow = defineEvent('inventory.stock.low.v1', 'inventory', StockLowPayload);
export const ChannelStockChanged = defineEvent('inventory.channel-stock.changed.v1', 'inventory', ChannelStockChangedPayload);
export const SlowMovingStockDetected = defineEvent('inventory.stock.slow-moving.v1', 'inventory', SlowMovingStockPayload);
export const SupplierGraded = defineEvent('inventory.supplier.graded.v1', 'inventory', SupplierGradedPayload);

/** Inventory's own timer: an order's payment window closed (delivered after the window). */
export class PaymentWindowClosedPayload {
  @IsString() @Length(1, 32) channel!: string;
  @IsString() @Length(1, 64) orderId!: string;
}

/** A shipment passed its promised delivery time without being delivered. */
export class ShipmentLatePayload {
  @IsString() carrier!: string;
  @IsString() trackingNo!: string;
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsString() promisedBy!: string;
}

/** Inventory's own timer: the quantities a channel was shown for a SKU changed inside the coalescing window; publish the latest. */
export class ChannelStockFlushDuePayload {
  @IsString() @Length(1, 32) channel!: string;
  @IsString() @Length(1, 64) skuCode!: string;
}

export const ChannelStockFlushDue = defineEvent('inventory.channel-stock.flush-due.v1', 'inventory', ChannelStockFlushDuePayload);
export const PaymentWindowClosed = defineEvent('inventory.reservation.payment-window-closed.v1', 'inventory', PaymentWindowClosedPayload);
export const ShipmentLate = defineEvent('inventory.shipment.late.v1', 'inventory', ShipmentLatePayload);
