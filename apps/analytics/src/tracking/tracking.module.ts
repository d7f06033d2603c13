import { Module } from '@nestjs/common';
import { ExperimentsModule } from '../experiments/experiments.module';
import { KpisModule } from '../kpis/kpis.module';
import { EventStoreModule } from '../store/store.module';
import { TrackingHandler } from './tracking.handler';

@Module({ imports: [EventStoreModule, KpisModule, ExperimentsModule], providers: [TrackingHandler] })
export class TrackingModule {}
