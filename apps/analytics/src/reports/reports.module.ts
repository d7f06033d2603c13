import { Module } from '@nestjs/common';
import { FunnelsModule } from '../funnels/funnels.module';
import { KpisModule } from '../kpis/kpis.module';
import { TrafficModule } from '../traffic/traffic.module';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({ imports: [KpisModule, FunnelsModule, TrafficModule], providers: [ReportsService, ReportsResolver] })
export class ReportsModule {}
