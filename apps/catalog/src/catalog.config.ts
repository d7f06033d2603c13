import { Global, Module } from '@nestjs/common';
import { EnvReader } from '@shopops/platform';

/** Catalog policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface CatalogConfig {
  /** 一物多图: what a product needs before it may go on sale. */
  readonly media: { readonly minImages: number; readonly minImagePixels: number; readonly minVideos: number };
  /** The "4321" target mix, in percent per portfolio role. */
  readonly portfolioTarget: Readonly<Record<'CORE' | 'POTENTIAL' | 'TEST' | 'CLEARANCE', number>>;
  /** Bestsellers should stay at or under this share of the range (percent). */
  readonly bestsellerMaxPercent: number;
  /** A product selling at least this many units in 30 days is a bestseller. */
  readonly bestsellerMinUnits30d: number;
  /** Price honesty looks back this many days for the lowest price charged. */
  readonly priceHonestyDays: number;
}

export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

export function loadCatalogConfig(env: NodeJS.ProcessEnv = process.env): CatalogConfig {
  const read = new EnvReader(env);
  const target = read.string('CATALOG_PORTFOLIO_TARGET', '40/30/20/10', /^\d{1,3}\/\d{1,3}\/\d{1,3}\/\d{1,3}$/, 'core/potential/test/clearance percentages').split('/').map(Number);
  if (target.reduce((a, b) => a + b, 0) !== 100) read.problems.push('CATALOG_PORTFOLIO_TARGET must add up to 100');
  const config: CatalogConfig = {
    media: {
      minImages: read.int('CATALOG_MEDIA_MIN_IMAGES', 5, 0, 50),
      minImagePixels: read.int('CATALOG_MEDIA_MIN_IMAGE_PIXELS', 800, 1, 10_000),
      minVideos: read.int('CATALOG_MEDIA_MIN_VIDEOS', 1, 0, 10),
    },
    portfolioTarget: { CORE: target[0], POTENTIAL: target[1], TEST: target[2], CLEARANCE: target[3] },
    bestsellerMaxPercent: read.int('CATALOG_BESTSELLER_MAX_PERCENT', 30, 1, 100),
    bestsellerMinUnits30d: read.int('CATALOG_BESTSELLER_MIN_UNITS_30D', 100, 1, 1_000_000),
    priceHonestyDays: read.int('CATALOG_PRICE_HONESTY_DAYS', 7, 1, 90),
  };
  read.assertValid('catalog');
  return config;
}

@Global()
@Module({ providers: [{ provide: CATALOG_CONFIG, useFactory: () => loadCatalogConfig() }], exports: [CATALOG_CONFIG] })
export class CatalogConfigModule {}
