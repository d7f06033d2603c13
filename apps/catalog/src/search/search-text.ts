/**
 * Search without a Chinese word segmenter: Chinese text is indexed as its single characters and
 * character bigrams (a query word matches when all its bigrams are present), Latin text and SKU
 * codes as lower-cased text matched by substring through a trigram index.
 */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}._-]*/gu;

export interface SearchDocument {
  readonly text: string;
  readonly grams: string[];
}

export function searchDocument(parts: ReadonlyArray<string | null | undefined>): SearchDocument {
  const text = parts.filter(Boolean).join(' ').toLowerCase();
  const grams = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => {
      grams.add(c);
      if (i + 1 < chars.length) grams.add(c + chars[i + 1]);
    });
  }
  return { text, grams: [...grams] };
}

export interface SearchTerms {
  /** Every one must be among the product's grams. */
  readonly grams: string[];
  /** Every one must occur in the product's text. */
  readonly words: string[];
}

export function searchTerms(query: string): SearchTerms {
  const lowered = query.toLowerCase();
  const grams = new Set<string>();
  for (const run of lowered.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  }
  const latin = lowered.replace(HAN_RUN, ' ');
  const words = [...new Set((latin.match(WORD) ?? []).filter((w) => w.length >= 2 || /\d/.test(w)))];
  return { grams: [...grams], words };
}

/** LIKE patterns treat % and _ specially: a user's text must not. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
