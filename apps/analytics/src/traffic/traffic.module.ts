import { Module } from '@nestjs/common';
import { TrafficResolver } from './traffic.resolver';
import { TrafficService } from './traffic.service';

@Module({ providers: [TrafficService, TrafficResolver], exports: [TrafficService] })
export class TrafficModule {}
