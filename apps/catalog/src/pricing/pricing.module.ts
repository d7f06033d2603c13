import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { PriceHonesty } from './price-honesty';
import { PriceSuggestionsService } from './price-suggestions.service';
import { PricingResolver } from './pricing.resolver';
import { PricingService } from './pricing.service';
import { PromotionsService } from './promotions.service';
import { SkuPricingFieldsResolver } from './sku-pricing-fields.resolver';

@Module({
  imports: [ProductsModule],
  providers: [PriceHonesty, PromotionsService, PricingService, PriceSuggestionsService, PricingResolver, SkuPricingFieldsResolver],
})
export class PricingModule {}
