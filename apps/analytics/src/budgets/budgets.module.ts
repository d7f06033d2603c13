import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { BudgetsResolver } from './budgets.resolver';
import { BudgetsService } from './budgets.service';
import { OperatorScorecardsService } from './operator-scorecards.service';

@Module({ imports: [TrafficModule], providers: [BudgetsService, OperatorScorecardsService, BudgetsResolver] })
export class BudgetsModule {}
