import { Module } from '@nestjs/common';
import { CohortsResolver } from './cohorts.resolver';
import { CohortsService } from './cohorts.service';

@Module({ providers: [CohortsService, CohortsResolver] })
export class CohortsModule {}
