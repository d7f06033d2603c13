import { searchDocument, searchTerms, likePattern } from './search-text';

describe('search text', () => {
  const doc = searchDocument(['真丝衬衫 法式复古', 'LX-SHIRT-007', 'Silk shirt', null]);

  it('indexes Chinese as characters and bigrams, and Latin as lower-cased text', () => {
    expect(doc.grams).toEqual(expect.arrayContaining(['真', '真丝', '丝衬', '衬衫', '法式', '复古']));
    expect(doc.grams).not.toContain('衫法');
    expect(doc.text).toContain('lx-shirt-007');
    expect(doc.text).toContain('silk shirt');
  });

  it('turns a query into grams that must all be present and words that must all occur', () => {
    expect(searchTerms('真丝 衬衫')).toEqual({ grams: ['真丝', '衬衫'], words: [] });
    expect(searchTerms('连衣裙')).toEqual({ grams: ['连衣', '衣裙'], words: [] });
    expect(searchTerms('裙')).toEqual({ grams: ['裙'], words: [] });
    expect(searchTerms('Silk 衬衫 lx-shirt')).toEqual({ grams: ['衬衫'], words: ['silk', 'lx-shirt'] });
    const { grams } = searchTerms('真丝衬衫');
    expect(grams.every((g) => doc.grams.includes(g))).toBe(true);
    expect(searchTerms('连衣裙').grams.every((g) => doc.grams.includes(g))).toBe(false);
  });

  it('escapes LIKE wildcards in user text', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
