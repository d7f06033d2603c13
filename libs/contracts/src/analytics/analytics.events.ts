import { IsInt, IsString } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class SaleRecordedPayload {
  @IsString() channel!: string;
  @IsString() orderId!: string;
  @IsInt() gmvFen!: number;
}

export const SaleRecorded = defineEvent('analytics.sale.recorded.v1', 'analytics', SaleRecordedPayload);
