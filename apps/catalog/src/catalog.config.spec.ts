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
      search: { lowStockUnits: 10, cacheSize: 1000, cacheTtlMs: 5000 },
    });
  });

  it('reads a shop’s own policies', () => {
    const config = loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: '50/25/15/10', CATALOG_MEDIA_MIN_IMAGES: '3' });
    expect(config.portfolioTarget).toEqual({ CORE: 50, POTENTIAL: 25, TEST: 15, CLEARANCE: 10 });
    expect(config.media.minImages).toBe(3);
  });

  it('names every bad value', () => {
    expect(configProblems(() => loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: '50/30/20/10', CATALOG_PRICE_HONESTY_DAYS: '0' }))).toEqual([
      'CATALOG_PORTFOLIO_TARGET must add up to 100',
      'CATALOG_PRICE_HONESTY_DAYS="0" must be an integer between 1 and 90',
    ]);
    expect(configProblems(() => loadCatalogConfig({ CATALOG_PORTFOLIO_TARGET: 'most/some' }))).toEqual([
      'CATALOG_PORTFOLIO_TARGET="most/some" is invalid: core/potential/test/clearance percentages',
    ]);
  });
});
