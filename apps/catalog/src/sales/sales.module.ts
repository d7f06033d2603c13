import { Module } from '@nestjs/common';
import { SalesHandler } from './sales.handler';

@Module({
  providers: [SalesHandler],
})
export class SalesModule {}
