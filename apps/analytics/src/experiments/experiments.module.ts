import { Module } from '@nestjs/common';
import { ExperimentsResolver } from './experiments.resolver';
import { ExperimentsService } from './experiments.service';
import { MemberExperimentsHandler } from './member-experiments.handler';

@Module({ providers: [ExperimentsService, MemberExperimentsHandler, ExperimentsResolver], exports: [ExperimentsService] })
export class ExperimentsModule {}
