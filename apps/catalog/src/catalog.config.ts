import type { PricingSuggestionPolicy } from './pricing/price-suggestion';
import { configSection, EnvironmentVariable, IntegerVariable, readEnvironment, validConfig, type Environment } from '@shopops/platform';

/** Catalog policies; every default is DOMAIN.md's, every one can be changed per shop. */
export interface CatalogConfig {
  /** 一物多图: what a product needs before it may go on sale. */
  readonly media: { readonly minImages: number; readonly minImagePixels: number; readonly minVideos: number };
  /** The "4321" target mix, in percent per portfolio role. */
  readonly portfolioTarget: Readonly<Record<'CORE' | 'POTENTIAL' | 'TEST' | 'CLEARANCE', number>>;
  /** The mix counts promotion slot-days this many days back and ahead of now. */
  readonly portfolioResourceDays: number;
  /** Bestsellers should stay at or under this share of the range (percent). */
  readonly bestsellerMaxPercent: number;
  /** A product selling at least this many units in 30 days is a bestseller. */
  readonly bestsellerMinUnits30d: number;
  /** Price honesty looks back this many days for the lowest price charged. */
  readonly priceHonestyDays: number;
  /** Anchor price points and when to suggest a price change (see pricing/price-suggestion.ts). */
  readonly pricingSuggestions: PricingSuggestionPolicy & {
    /** A dismissed or accepted suggestion is not made again for the SKU for this many days. */
    readonly cooldownDays: number;
  };
  readonly search: {
    /** A product with at most this many sellable units (and more than none) is LOW in search. */
    readonly lowStockUnits: number;
    /** Search pages kept in memory, and for how long; product writes and stock changes clear them. */
    readonly cacheSize: number;
    readonly cacheTtlMs: number;
  };
}

export const CATALOG_CONFIG = Symbol('CATALOG_CONFIG');

const ANCHOR_PRICE_POINTS = /^\d{1,9}(,\d{1,9}){0,19}$/;
const PORTFOLIO_TARGET = /^\d{1,3}\/\d{1,3}\/\d{1,3}\/\d{1,3}$/;
const percentages = (text: string): number[] => text.split('/').map(Number);

class CatalogEnvironment {
  @EnvironmentVariable((raw, _env, name) => {
    if (raw === undefined) return undefined;
    if (!PORTFOLIO_TARGET.test(raw)) return `${name}=${JSON.stringify(raw)} is invalid: core/potential/test/clearance percentages`;
    return percentages(raw).reduce((a, b) => a + b, 0) === 100 ? undefined : `${name} must add up to 100`;
  }, percentages)
  CATALOG_PORTFOLIO_TARGET: number[] = [40, 30, 20, 10];
  @IntegerVariable(1, 365) CATALOG_PORTFOLIO_RESOURCE_DAYS = 30;
  @EnvironmentVariable(
    (raw, _env, name) =>
      raw === undefined || ANCHOR_PRICE_POINTS.test(raw)
        ? undefined
        : `${name}=${JSON.stringify(raw)} is invalid: prices in fen, comma-separated (99900,199900)`,
    (raw) => raw.split(',').map(Number),
  )
  CATALOG_ANCHOR_PRICE_POINTS_FEN: number[] = [99900, 199900];
  @IntegerVariable(0, 50) CATALOG_ANCHOR_SNAP_PERCENT = 5;
  @IntegerVariable(1, 365) CATALOG_PRICING_WINDOW_DAYS = 30;
  @IntegerVariable(1, 3650) CATALOG_PRICING_HIGH_COVER_DAYS = 90;
  @IntegerVariable(0, 365) CATALOG_PRICING_LOW_COVER_DAYS = 7;
  @IntegerVariable(0, 100) CATALOG_PRICING_LOW_SELL_THROUGH_PERCENT = 20;
  @IntegerVariable(0, 100) CATALOG_PRICING_HIGH_SELL_THROUGH_PERCENT = 80;
  @IntegerVariable(1, 90) CATALOG_PRICING_MARKDOWN_PERCENT = 10;
  @IntegerVariable(1, 90) CATALOG_PRICING_SEASON_END_MARKDOWN_PERCENT = 20;
  @IntegerVariable(1, 100) CATALOG_PRICING_MARKUP_PERCENT = 5;
  @IntegerVariable(0, 365) CATALOG_PRICING_SEASON_END_DAYS = 30;
  @IntegerVariable(0, 365) CATALOG_PRICING_SUGGESTION_COOLDOWN_DAYS = 7;
  @IntegerVariable(0, 50) CATALOG_MEDIA_MIN_IMAGES = 5;
  @IntegerVariable(1, 10_000) CATALOG_MEDIA_MIN_IMAGE_PIXELS = 800;
  @IntegerVariable(0, 10) CATALOG_MEDIA_MIN_VIDEOS = 1;
  @IntegerVariable(1, 100) CATALOG_BESTSELLER_MAX_PERCENT = 30;
  @IntegerVariable(1, 1_000_000) CATALOG_BESTSELLER_MIN_UNITS_30D = 100;
  @IntegerVariable(1, 90) CATALOG_PRICE_HONESTY_DAYS = 7;
  @IntegerVariable(1, 100_000) CATALOG_SEARCH_LOW_STOCK_UNITS = 10;
  @IntegerVariable(0, 100_000) CATALOG_SEARCH_CACHE_SIZE = 1000;
  @IntegerVariable(0, 600_000) CATALOG_SEARCH_CACHE_TTL_MS = 5000;
}

export function loadCatalogConfig(env: Environment): CatalogConfig {
  const { values, problems } = readEnvironment(CatalogEnvironment, env);
  const target = values.CATALOG_PORTFOLIO_TARGET;
  const config: CatalogConfig = {
    media: { minImages: values.CATALOG_MEDIA_MIN_IMAGES, minImagePixels: values.CATALOG_MEDIA_MIN_IMAGE_PIXELS, minVideos: values.CATALOG_MEDIA_MIN_VIDEOS },
    portfolioTarget: { CORE: target[0], POTENTIAL: target[1], TEST: target[2], CLEARANCE: target[3] },
    portfolioResourceDays: values.CATALOG_PORTFOLIO_RESOURCE_DAYS,
    bestsellerMaxPercent: values.CATALOG_BESTSELLER_MAX_PERCENT,
    bestsellerMinUnits30d: values.CATALOG_BESTSELLER_MIN_UNITS_30D,
    priceHonestyDays: values.CATALOG_PRICE_HONESTY_DAYS,
    pricingSuggestions: {
      anchorPricePointsFen: values.CATALOG_ANCHOR_PRICE_POINTS_FEN,
      anchorSnapPercent: values.CATALOG_ANCHOR_SNAP_PERCENT,
      windowDays: values.CATALOG_PRICING_WINDOW_DAYS,
      highCoverDays: values.CATALOG_PRICING_HIGH_COVER_DAYS,
      lowCoverDays: values.CATALOG_PRICING_LOW_COVER_DAYS,
      lowSellThroughPercent: values.CATALOG_PRICING_LOW_SELL_THROUGH_PERCENT,
      highSellThroughPercent: values.CATALOG_PRICING_HIGH_SELL_THROUGH_PERCENT,
      markdownPercent: values.CATALOG_PRICING_MARKDOWN_PERCENT,
      seasonEndMarkdownPercent: values.CATALOG_PRICING_SEASON_END_MARKDOWN_PERCENT,
      markupPercent: values.CATALOG_PRICING_MARKUP_PERCENT,
      seasonEndDays: values.CATALOG_PRICING_SEASON_END_DAYS,
      cooldownDays: values.CATALOG_PRICING_SUGGESTION_COOLDOWN_DAYS,
    },
    search: {
      lowStockUnits: values.CATALOG_SEARCH_LOW_STOCK_UNITS,
      cacheSize: values.CATALOG_SEARCH_CACHE_SIZE,
      cacheTtlMs: values.CATALOG_SEARCH_CACHE_TTL_MS,
    },
  };
  return validConfig('catalog', config, problems);
}

export const CATALOG_CONFIG_SECTIONS = [configSection('catalog', CATALOG_CONFIG, loadCatalogConfig)];
