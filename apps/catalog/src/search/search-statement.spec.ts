import { encodeCursor } from '@shopops/platform';
import { LifecycleStageValue, PortfolioRole, ProductStatus } from '../products/product.entity';
import { StockStatus, type SearchProductsArgs } from './search.model';
import { searchStatement } from './search.service';

const statement = (args: Partial<SearchProductsArgs>, onSaleOnly = false) => searchStatement({ first: 20, ...args }, onSaleOnly, 10);

/** The highest `$n` the text refers to, and whether every one from 1 up is there. */
function placeholders(text: string): { highest: number; gapless: boolean } {
  const used = new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  const highest = Math.max(0, ...used);
  return { highest, gapless: Array.from({ length: highest }, (_, i) => used.has(i + 1)).every(Boolean) };
}

describe('search statement', () => {
  it('binds every value it carries, for each stock status and every filter', () => {
    const filters = [
      {},
      { categoryCode: 'WOMEN', collectionCode: 'GUGONG-2026', minPriceFen: 1, maxPriceFen: 2, tags: ['a'] },
      { roles: [PortfolioRole.CORE], stages: [LifecycleStageValue.GROWTH], statuses: [ProductStatus.ON_SALE] },
      ...Object.values(StockStatus).map((stockStatus) => ({ stockStatus })),
    ];
    for (const filter of filters) {
      for (const query of [undefined, '真丝 衬衫 silk lx-bag-01 a1 b2 c3']) {
        const { text, values } = statement({ query, filter, after: encodeCursor([1, 'LX-BAG-001']) });
        expect(placeholders(text)).toEqual({ highest: values.length, gapless: true });
      }
    }
  });

  it('keeps user text out of the statement: it is only ever a value', () => {
    const hostile = `x' OR 1=1; DROP TABLE product; -- 50%_off`;
    const { text, values } = statement({ query: hostile, filter: { tags: [hostile], categoryCode: hostile } });
    expect(text).not.toContain('DROP');
    expect(text).not.toContain('50');
    // LIKE wildcards in the text matched against titles are escaped, so they match themselves only.
    expect(values).toContain(`%x' or 1=1; drop table product; -- 50\\%\\_off%`);
  });

  it('names a statement by its shape, so one shape is prepared once per connection', () => {
    const a = statement({ query: '连衣裙', filter: { maxPriceFen: 400_001 } });
    const b = statement({ query: '衬衫', filter: { maxPriceFen: 400_002 } });
    const c = statement({ query: '衬衫', filter: { minPriceFen: 1 } });
    expect(a.name).toBe(b.name);
    expect(a.values).not.toEqual(b.values);
    expect(c.name).not.toBe(a.name);
  });

  it('matches codes by each word and Chinese by all bigrams', () => {
    const { text, values } = statement({ query: 'LX-BAG-01 连衣裙' });
    expect(values).toEqual(expect.arrayContaining([['连衣', '衣裙'], '%lx-bag-01%']));
    expect(text).toContain('d.grams @>');
    expect(text).toContain('d.body LIKE');
  });

  it('refuses a cursor it did not issue, and a query with nothing to search for', () => {
    expect(() => statement({ after: encodeCursor(['one', 'LX-BAG-001']) })).toThrow(/after/);
    expect(() => statement({ after: 'garbage' })).toThrow(/after/);
    expect(() => statement({ query: '%%' })).toThrow(/query/);
  });
});
