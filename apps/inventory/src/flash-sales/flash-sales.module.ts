import { Module } from '@nestjs/common';
import { FlashSalesHandler } from './flash-sales.handler';
import { FlashSalesResolver } from './flash-sales.resolver';
import { FlashSalesService } from './flash-sales.service';

@Module({ providers: [FlashSalesService, FlashSalesHandler, FlashSalesResolver] })
export class FlashSalesModule {}
