import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { BudgetsResolver } from './budgets.resolver';
import { BudgetsService } from './budgets.service';

@Module({ imports: [TrafficModule], providers: [BudgetsService, BudgetsResolver] })
export class BudgetsModule {}
