import { Module } from '@nestjs/common';
import { AnomaliesResolver } from './anomalies.resolver';
import { AnomaliesService } from './anomalies.service';

@Module({ providers: [AnomaliesService, AnomaliesResolver] })
export class AnomaliesModule {}
