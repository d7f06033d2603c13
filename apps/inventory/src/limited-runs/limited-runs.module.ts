import { Module } from '@nestjs/common';
import { LimitedRunsHandler } from './limited-runs.handler';

@Module({ providers: [LimitedRunsHandler] })
export class LimitedRunsModule {}
