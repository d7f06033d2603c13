import { Module } from '@nestjs/common';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { ShipmentsResolver } from './shipments.resolver';
import { ShipmentsService } from './shipments.service';

@Module({ imports: [ReplenishmentModule], providers: [ShipmentsService, ShipmentsResolver] })
export class ShipmentsModule {}
