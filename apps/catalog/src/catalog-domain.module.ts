import { Module } from '@nestjs/common';
import { CollectionsResolver } from './collections/collections.resolver';
import { CollectionsService } from './collections/collections.service';
import { ImportsResolver } from './imports/imports.resolver';
import { ImportsService } from './imports/imports.service';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { MediaResolver } from './media/media.resolver';
import { MediaService } from './media/media.service';
import { PortfolioResolver } from './portfolio/portfolio.resolver';
import { PortfolioService } from './portfolio/portfolio.service';
import { RoleSuggestionsService } from './portfolio/role-suggestions';
import { PricingResolver } from './pricing/pricing.resolver';
import { PricingService } from './pricing/pricing.service';
import { ExitReviewsResolver, ProductsResolver } from './products/products.resolver';
import { ProductsService } from './products/products.service';
import { SkusResolver } from './products/skus.resolver';
import { SkusService } from './products/skus.service';
import { SalesHandler } from './sales/sales.handler';
import { SearchService } from './search/search.service';

/** The catalog's modules share the product writer (versions, search documents), so they live in one Nest module. */
@Module({
  providers: [
    ProductsService,
    SkusService,
    SearchService,
    MediaService,
    LifecycleService,
    PortfolioService,
    RoleSuggestionsService,
    PricingService,
    CollectionsService,
    ImportsService,
    SalesHandler,
    ProductsResolver,
    ExitReviewsResolver,
    SkusResolver,
    MediaResolver,
    LifecycleResolver,
    PortfolioResolver,
    PricingResolver,
    CollectionsResolver,
    ImportsResolver,
  ],
})
export class CatalogDomainModule {}
