import { Module } from '@nestjs/common';
import { KpiRollups } from './kpi-rollups';
import { KpisResolver } from './kpis.resolver';
import { KpisService } from './kpis.service';

@Module({ providers: [KpiRollups, KpisService, KpisResolver], exports: [KpiRollups, KpisService] })
export class KpisModule {}
