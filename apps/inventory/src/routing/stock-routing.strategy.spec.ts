import { NearestLocationRouting, NearestWithSplitRouting, type LocationStock } from './stock-routing.strategy';

const stock: LocationStock[] = [
  { locationCode: 'CENTRAL', available: 10, regions: [], priority: 100, isCentral: true },
  { locationCode: 'SH-FRONT', available: 2, regions: ['31', '32'], priority: 10, isCentral: false },
  { locationCode: 'GZ-FRONT', available: 5, regions: ['44'], priority: 10, isCentral: false },
];

describe('stock routing', () => {
  const nearest = new NearestLocationRouting();
  const split = new NearestWithSplitRouting();

  it('ships from the front warehouse serving the buyer when it can fill the line', () => {
    expect(nearest.allocate(2, '310000', stock)).toEqual([{ locationCode: 'SH-FRONT', quantity: 2 }]);
    expect(nearest.allocate(1, '440300', stock)).toEqual([{ locationCode: 'GZ-FRONT', quantity: 1 }]);
  });

  it('falls back to other front warehouses by priority, then to central', () => {
    expect(nearest.allocate(3, '310000', stock)).toEqual([{ locationCode: 'GZ-FRONT', quantity: 3 }]);
    expect(nearest.allocate(6, '310000', stock)).toEqual([{ locationCode: 'CENTRAL', quantity: 6 }]);
    expect(nearest.allocate(1, undefined, stock)).toEqual([{ locationCode: 'GZ-FRONT', quantity: 1 }]);
  });

  it('refuses a line nobody can fill, unless splitting is allowed', () => {
    expect(nearest.allocate(12, '310000', stock)).toBeUndefined();
    expect(split.allocate(12, '310000', stock)).toEqual([
      { locationCode: 'SH-FRONT', quantity: 2 },
      { locationCode: 'GZ-FRONT', quantity: 5 },
      { locationCode: 'CENTRAL', quantity: 5 },
    ]);
    expect(split.allocate(18, '310000', stock)).toBeUndefined();
  });
});
