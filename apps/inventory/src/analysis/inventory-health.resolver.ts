import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import {
  AbcRow,
  DemandForecastView,
  HealthGrouping,
  InventoryAlert,
  InventoryHealthRow,
  ReplenishmentSuggestionView,
  SlowMovingRow,
  SlowStockTransferSuggestion,
} from './inventory-health.model';
import { InventoryHealthService } from './inventory-health.service';
import { InventoryPlanningService } from './inventory-planning.service';

const ANALYSTS = ['operator', 'warehouse', 'analyst'] as const;

@Resolver()
export class InventoryHealthResolver {
  constructor(
    private readonly healthService: InventoryHealthService,
    private readonly planningService: InventoryPlanningService,
  ) {}

  @Roles(...ANALYSTS)
  @Query(() => [InventoryHealthRow], { description: 'Stock value, turnover days and slow-moving share per category or location.' })
  inventoryHealth(@Args('groupBy', { type: () => HealthGrouping, defaultValue: HealthGrouping.CATEGORY }) groupBy: HealthGrouping) {
    return this.healthService.health(groupBy);
  }

  @Roles(...ANALYSTS)
  @Query(() => [AbcRow], { description: 'ABC classification by stock value (default A 60%, B 20%, C 20%).' })
  abcClassification() {
    return this.healthService.abc();
  }

  @Roles(...ANALYSTS)
  @Query(() => [SlowMovingRow], { description: '滞销: no sale for N days and more than M days of cover.' })
  slowMovingStock() {
    return this.healthService.slowMoving();
  }

  @Roles(...ANALYSTS)
  @Query(() => [SlowMovingRow], { description: 'Quarter-end clearance candidates: slow-moving stock, then the C class.' })
  clearanceCandidates() {
    return this.healthService.clearanceCandidates();
  }

  @Roles(...ANALYSTS)
  @Query(() => [SlowStockTransferSuggestion], {
    description: 'Sharing slow stock: moves of slow-moving units to the locations that sell the SKU (act on one with requestTransfer).',
  })
  slowStockTransferSuggestions() {
    return this.healthService.slowStockTransfers();
  }

  @Roles(...ANALYSTS)
  @Query(() => DemandForecastView, { description: '30-day demand forecast with weekly seasonality, and its back-test error.' })
  demandForecast(
    @Args('skuCode') skuCode: string,
    @Args('locationCode', { type: () => String, nullable: true }) locationCode?: string,
  ): Promise<DemandForecastView> {
    return this.planningService.demandForecast(skuCode, locationCode ?? undefined);
  }

  @Roles(...ANALYSTS)
  @Query(() => [ReplenishmentSuggestionView], { description: 'Levels under their safety stock or reorder point, with what to order.' })
  replenishmentSuggestions() {
    return this.planningService.replenishmentSuggestions();
  }

  @Roles(...ANALYSTS)
  @Query(() => [InventoryAlert], { description: 'Low stock, overstock, slow-moving, sudden drops and late deliveries.' })
  inventoryAlerts(@Args('open', { type: () => Boolean, defaultValue: true }) open: boolean): Promise<InventoryAlert[]> {
    return this.planningService.inventoryAlerts(open);
  }
}
