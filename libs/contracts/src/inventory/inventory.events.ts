import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
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
}

export const ReservationChanged = defineEvent('inventory.reservation.changed.v1', 'inventory', ReservationChangedPayload);
export const StockLow = defineEvent('inventory.stock.low.v1', 'inventory', StockLowPayload);
