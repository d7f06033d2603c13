import { Module } from '@nestjs/common';
import { FlashSalesHandler } from './flash-sales.handler';
import { FlashSalesResolver } from './flash-sales.resolver';

@Module({ providers: [FlashSalesHandler, FlashSalesResolver] })
export class FlashSalesModule {}
