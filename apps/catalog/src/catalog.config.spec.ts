import { configProblems } from '@shopops/testing';
import { loadCatalogConfig } from './catalog.config';

describe('catalog configuration', () => {
  it("keeps DOMAIN.md's defaults", () => {
    expect(loadCatalogConfig({})).toEqual({
      media: { minImages: 5, minImagePixels: 800, minVideos: 1 },
      portfolioTarget: { CORE: 40, POTENTIAL: 30, TEST: 20, CLEARANCE: 10 },
      portfolioResourceDays: 30,
      bestsellerMaxPercent: 30,
      bestsellerMinUnits30d: 100,
      priceHonestyDays: 7,
      pricingSuggestions: {
        anchorPricePointsFen: [99900, 199900],
        anchorSnapPercent: 5,
        windowDays: 30,
        highCoverDays: 90,
        lowCoverDays: 7,
        lowSellThroughPercent: 20,
        highSellThroughPercent: 80,
        markdownPercent: 10,
        seasonEndMarkdownPercent: 20,
        markupPercent: 5,
        seasonEndDays: 30,
        cooldownDays: 7,
      },
      search: { lowStockUnits: 10, cacheSize: 1000, cacheTtlMs: 5000 },
    });
  });

  it('reads a shop’s own policies', () => {
    const config = loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: '50/25/15/10', CATALOG_MEDIA_MIN_IMAGES: '3' });
    expect(config.portfolioTarget).toEqual({ CORE: 50, POTENTIAL: 25, TEST: 15, CLEARANCE: 10 });
    expect(config.media.minImages).toBe(3);
    expect(loadCatalogConfig({ CATALOG_ANCHOR_PRICE_POINTS_FEN: '59900,129900,259900' }).pricingSuggestions.anchorPricePointsFen).toEqual([
      59900, 129900, 259900,
    ]);
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: '50/30/20/10', CATALOG_PRICE_HONESTY_DAYS: '0' }))).toEqual([
      'CATALOG_PORTFOLIO_TARGET must add up to 100',
      'CATALOG_PRICE_HONESTY_DAYS="0" must be an integer between 1 and 90',
    ]);
    expect(configProblems(() => loadCatalogConfig({ CATALOG_ANCHOR_PRICE_POINTS_FEN: '999元' }))).toEqual([
      'CATALOG_ANCHOR_PRICE_POINTS_FEN="999元" is invalid: prices in fen, comma-separated (99900,199900)',
    ]);
    expect(configProblems(() => loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: 'most/some' }))).toEqual([
      'CATALOG_PORTFOLIO_TARGET="most/some" is invalid: core/potential/test/clearance percentages',
    ]);
  });
});
