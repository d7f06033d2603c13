import { NearestLocationRouting, NearestWithSplitRouting, preferenceOrder, type LocationStock } from './stock-routing.strategy';

const location = (locationCode: string, available: number, regions: string[], priority: number, isCentral = false): LocationStock => ({
  locationCode,
  available,
  regions,
  priority,
  isCentral,
});
const stock: LocationStock[] = [location('CENTRAL', 10, [], 100, true), location('SH-FRONT', 2, ['31', '32'], 10), location('GZ-FRONT', 5, ['44'], 10)];

describe('stock routing', () => {
  const nearest = new NearestLocationRouting();
  const split = new NearestWithSplitRouting();

  it('ships from the front warehouse serving the buyer when it can fill the line', () => {
    expect(nearest.allocate(2, '310000', stock)).toEqual([{ locationCode: 'SH-FRONT', quantity: 2 }]);
    expect(nearest.allocate(2, '320500', stock)).toEqual([{ locationCode: 'SH-FRONT', quantity: 2 }]);
    expect(nearest.allocate(1, '440300', stock)).toEqual([{ locationCode: 'GZ-FRONT', quantity: 1 }]);
  });

  it('falls back to central, not to another region’s front warehouse, when the nearest cannot fill', () => {
    expect(nearest.allocate(3, '310000', stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 3 }]);
    expect(nearest.allocate(6, '440300', stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 6 }]);
  });

  it('ships from central when the buyer’s region is unknown or served by nobody', () => {
    expect(nearest.allocate(1, undefined, stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 1 }]);
    expect(nearest.allocate(1, '110000', stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 1 }]);
  });

  it('uses another region’s front warehouse only when central cannot fill either', () => {
    const thinCentral = stock.map((s) => (s.isCentral ? { ...s, available: 1 } : s));
    expect(nearest.allocate(3, '310000', thinCentral)).toEqual([{ locationCode: 'GZ-FRONT', quantity: 3 }]);
  });

  it('prefers the lower priority within a rank, then the code', () => {
    const two = [location('SH-B', 5, ['31'], 20), location('SH-A', 5, ['31'], 20), location('SH-C', 5, ['31'], 5)];
    expect(preferenceOrder('310000', two).map((s) => s.locationCode)).toEqual(['SH-C', 'SH-A', 'SH-B']);
    const centrals = [location('C-2', 5, [], 50, true), location('C-1', 5, [], 60, true)];
    expect(preferenceOrder(undefined, centrals).map((s) => s.locationCode)).toEqual(['C-2', 'C-1']);
  });

  it('takes a line exactly as large as what a location has', () => {
    expect(nearest.allocate(10, undefined, stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 10 }]);
  });

  it('refuses a line nobody can fill, unless splitting is allowed, which takes nearest, then central, then the rest', () => {
    expect(nearest.allocate(12, '310000', stock)).toBeUndefined();
    expect(split.allocate(2, '310000', stock)).toEqual([{ locationCode: 'SH-FRONT', quantity: 2 }]);
    expect(split.allocate(12, '310000', stock)).toEqual([
      { locationCode: 'SH-FRONT', quantity: 2 },
      { locationCode: 'CENTRAL', quantity: 10 },
    ]);
    expect(split.allocate(17, '310000', stock)).toEqual([
      { locationCode: 'SH-FRONT', quantity: 2 },
      { locationCode: 'CENTRAL', quantity: 10 },
      { locationCode: 'GZ-FRONT', quantity: 5 },
    ]);
    expect(split.allocate(18, '310000', stock)).toBeUndefined();
  });

  it('skips empty locations when splitting', () => {
    const withEmpty = [location('SH-FRONT', 0, ['31'], 10), ...stock.filter((s) => s.locationCode !== 'SH-FRONT')];
    expect(split.allocate(12, '310000', withEmpty)).toEqual([
      { locationCode: 'CENTRAL', quantity: 10 },
      { locationCode: 'GZ-FRONT', quantity: 2 },
    ]);
  });
});
