/**
 * Retrieval for auto-answers without an external service: questions and articles become
 * character unigrams and bigrams (Chinese) and words (Latin), weighted by TF-IDF; an inverted
 * index scores only the articles that share a token with the question.
 */
export interface KnowledgeArticle {
  readonly id: string;
  readonly intent: string;
  readonly title: string;
  readonly answer: string;
  readonly questions: readonly string[];
}

export interface ArticleMatch {
  readonly article: KnowledgeArticle;
  /** Cosine similarity with the closest phrasing of the article, 0…1. */
  readonly score: number;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'i',
  'my',
  'is',
  'it',
  'to',
  'do',
  'you',
  'can',
  'for',
  'of',
  'on',
  'in',
  'this',
  'be',
  'me',
  'will',
  'what',
  'how',
  'does',
]);
/** Function characters that say little about what is asked. */
const HAN_STOP_UNIGRAMS = new Set([
  '的',
  '了',
  '吗',
  '呢',
  '吧',
  '啊',
  '我',
  '你',
  '是',
  '么',
  '怎',
  '在',
  '要',
  '能',
  '可',
  '以',
  '不',
  '有',
  '个',
  '一',
  '这',
  '那',
  '还',
  '就',
  '会',
  '什',
  '们',
  '多',
  '该',
  '哪',
]);
const HAN_STOP_BIGRAMS = new Set([
  '怎么',
  '什么',
  '可以',
  '能不',
  '不能',
  '要不',
  '不要',
  '一下',
  '这个',
  '这款',
  '这件',
  '我的',
  '你们',
  '我们',
  '还能',
  '能否',
  '请问',
  '么办',
  '怎样',
  '如何',
  '哪里',
  '在哪',
  '多久',
  '么时',
  '么样',
  '不会',
  '会不',
  '有没',
  '没有',
  '么用',
]);

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lowered = text.toLowerCase();
  let run = '';
  const flushHan = () => {
    const chars = [...run];
    chars.forEach((c, i) => {
      if (!HAN_STOP_UNIGRAMS.has(c)) out.push(c);
      if (i + 1 < chars.length && !HAN_STOP_BIGRAMS.has(c + chars[i + 1])) out.push(c + chars[i + 1]);
    });
    run = '';
  };
  for (const segment of lowered.split(/([\u3400-\u9fff\uf900-\ufaff]+)/u)) {
    if (!segment) continue;
    if (HAN.test(segment[0])) {
      run = segment;
      flushHan();
    } else {
      for (const word of segment.match(/[a-z0-9]+/g) ?? [])
        if (!LATIN_STOPWORDS.has(word)) out.push(word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word);
    }
  }
  return out;
}

type Vector = Map<string, number>;

function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function weigh(tf: Map<string, number>, idf: (token: string) => number): Vector {
  const vector: Vector = new Map();
  let norm = 0;
  for (const [token, count] of tf) {
    const weight = (1 + Math.log(count)) * idf(token);
    vector.set(token, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [token, weight] of vector) vector.set(token, weight / norm);
  return vector;
}

interface Phrasing {
  readonly article: number;
  readonly vector: Vector;
}

export class KnowledgeIndex {
  private readonly phrasings: Phrasing[] = [];
  private readonly postings = new Map<string, Array<{ phrasing: number; weight: number }>>();
  private readonly idf = new Map<string, number>();

  constructor(readonly articles: readonly KnowledgeArticle[]) {
    const documents = articles.flatMap((article, i) =>
      [article.title, ...article.questions].map((text) => ({ article: i, tf: termFrequencies(tokenize(text)) })),
    );
    const df = new Map<string, number>();
    for (const d of documents) for (const token of d.tf.keys()) df.set(token, (df.get(token) ?? 0) + 1);
    for (const [token, n] of df) this.idf.set(token, Math.log(1 + documents.length / n));
    documents.forEach((d, index) => {
      const vector = weigh(d.tf, (t) => this.idf.get(t) ?? 0);
      this.phrasings.push({ article: d.article, vector });
      for (const [token, weight] of vector) {
        const list = this.postings.get(token) ?? [];
        list.push({ phrasing: index, weight });
        this.postings.set(token, list);
      }
    });
  }

  /** The best articles for a question, best first (one entry per article). */
  match(question: string, limit = 3): ArticleMatch[] {
    const query = weigh(termFrequencies(tokenize(question)), (t) => this.idf.get(t) ?? 0);
    const scores = new Map<number, number>();
    for (const [token, weight] of query) {
      for (const posting of this.postings.get(token) ?? []) scores.set(posting.phrasing, (scores.get(posting.phrasing) ?? 0) + weight * posting.weight);
    }
    return this.best(scores, limit);
  }

  /** The same answer by comparing the question with every phrasing of every article (the benchmark's baseline). */
  matchByScanning(question: string, limit = 3): ArticleMatch[] {
    const query = weigh(termFrequencies(tokenize(question)), (t) => this.idf.get(t) ?? 0);
    const scores = new Map<number, number>();
    this.phrasings.forEach((phrasing, index) => {
      let dot = 0;
      for (const [token, weight] of query) dot += weight * (phrasing.vector.get(token) ?? 0);
      if (dot > 0) scores.set(index, dot);
    });
    return this.best(scores, limit);
  }

  private best(scores: Map<number, number>, limit: number): ArticleMatch[] {
    const perArticle = new Map<number, number>();
    for (const [phrasing, score] of scores) {
      const article = this.phrasings[phrasing].article;
      perArticle.set(article, Math.max(perArticle.get(article) ?? 0, score));
    }
    return [...perArticle]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([article, score]) => ({ article: this.articles[article], score: Math.round(score * 1000) / 1000 }));
  }
}
