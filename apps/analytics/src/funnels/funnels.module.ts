import { Module } from '@nestjs/common';
import { FunnelsResolver } from './funnels.resolver';
import { FunnelsService } from './funnels.service';

@Module({ providers: [FunnelsService, FunnelsResolver], exports: [FunnelsService] })
export class FunnelsModule {}
