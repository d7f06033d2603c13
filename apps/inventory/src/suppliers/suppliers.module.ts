import { Module } from '@nestjs/common';
import { INVENTORY_CONFIG, type InventoryConfig } from '../inventory.config';
import { ReplenishmentModule } from '../replenishment/replenishment.module';
import { StockModule } from '../stock/stock.module';
import { PurchaseOrdersResolver } from './purchase-orders.resolver';
import { PurchaseOrdersService } from './purchase-orders.service';
import { AfterSalesSignalsHandler } from './quality-issues.handler';
import { SUPPLIER_GRADING, WeightedSupplierGrading } from './supplier-grading.policy';
import { SuppliersResolver } from './suppliers.resolver';
import { SuppliersService } from './suppliers.service';

@Module({
  imports: [StockModule, ReplenishmentModule],
  providers: [
    {
      provide: SUPPLIER_GRADING,
      useFactory: (config: InventoryConfig) => new WeightedSupplierGrading(config.supplierGrading),
      inject: [INVENTORY_CONFIG],
    },
    SuppliersService,
    PurchaseOrdersService,
    SuppliersResolver,
    PurchaseOrdersResolver,
    AfterSalesSignalsHandler,
  ],
})
export class SuppliersModule {}
