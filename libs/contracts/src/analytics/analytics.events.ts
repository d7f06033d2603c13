import { IsIn, IsInt, IsNumber, IsOptional, IsString } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class SaleRecordedPayload {
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsInt() gmvFen!: number;
}

/** A metric left its threshold or its rolling baseline; de-duplicated until resolved. */
export class AnomalyPayload {
  @IsString() alertId!: string;
  @IsString() metric!: string;
  @IsOptional() @IsString() dimension?: string;
  @IsNumber() observed!: number;
  @IsNumber() expected!: number;
  @IsIn(['info', 'warning', 'critical']) severity!: 'info' | 'warning' | 'critical';
  @IsString() team!: string;
}

export const SaleRecorded = defineEvent('analytics.sale.recorded.v1', 'analytics', SaleRecordedPayload);
export const AnomalyDetected = defineEvent('analytics.anomaly.detected.v1', 'analytics', AnomalyPayload);
export const AnomalyResolved = defineEvent('analytics.anomaly.resolved.v1', 'analytics', AnomalyPayload);
