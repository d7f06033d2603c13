/**
 * The bot's retrieval: questions matched per second and p99 with the inverted index, against a
 * naive scan comparing each question with every phrasing of every article — over the shipped
 * knowledge base grown to 2,000 articles, with the labelled buyer questions as the load. The
 * limit is the floor of finding an article for a question: an exact lookup of the question in a
 * map of every phrasing (no tokenising, no scoring). All in this process, so its CPU is the cost.
 */
import labelled from '../apps/customer-service/src/knowledge/labelled-questions.json';
import { decide } from '../apps/customer-service/src/knowledge/auto-answer.policy';
import { KnowledgeIndex, type KnowledgeArticle } from '../apps/customer-service/src/knowledge/knowledge-index';
import { KNOWLEDGE_SEED } from '../apps/customer-service/src/knowledge/knowledge-seed';
import { percentile, round } from './lib/load';
import { progress, type Benchmark } from './lib/report';

const ARTICLES = 2_000;
const PRODUCT_WORDS = ['真丝衬衫', '羊绒大衣', '针织开衫', '阔腿裤', '连衣裙', '托特包', '丝巾', '西装外套', '风衣', '半身裙'];
const ASPECTS = ['尺码', '面料', '洗护', '发货', '库存', '搭配', '颜色', '版型', '价格', '赠品'];

/** The shipped articles plus product-specific ones, as a shop's knowledge base grows. */
function knowledgeBase(): KnowledgeArticle[] {
  const base = KNOWLEDGE_SEED.map((a, i) => ({ id: `seed-${i}`, ...a }));
  const extra = Array.from({ length: ARTICLES - base.length }, (_, i) => {
    const product = `${PRODUCT_WORDS[i % PRODUCT_WORDS.length]} 款号${1000 + i}`;
    const aspect = ASPECTS[Math.floor(i / PRODUCT_WORDS.length) % ASPECTS.length];
    return {
      id: `p-${i}`,
      intent: `product-${i}`,
      title: `${product}${aspect}说明`,
      answer: `${product}的${aspect}详情见详情页。`,
      questions: [`${product}${aspect}怎么样`, `${product}的${aspect}问题`],
    };
  });
  return [...base, ...extra];
}

function measure(label: string, seconds: number, answer: (q: string) => unknown): { perSecond: number; p50: number; p99: number; cpuMs: number } {
  const questions = (labelled as Array<{ question: string }>).map((q) => q.question);
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  let i = 0;
  progress(`${label} for ${seconds}s`);
  for (let w = 0; w < 200; w++) answer(questions[w % questions.length]);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  while (Date.now() < end) {
    const t = process.hrtime.bigint();
    answer(questions[i++ % questions.length]);
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const spent = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: round(latencies.length / elapsed, 1),
    p50: round(percentile(latencies, 50), 3),
    p99: round(percentile(latencies, 99), 3),
    cpuMs: (spent.user + spent.system) / 1000 / latencies.length,
  };
}

// Measured in-process and synchronously: nothing to await.
export const run: Benchmark = ({ seconds }) => {
  const index = new KnowledgeIndex(knowledgeBase());
  const indexed = measure('inverted index', seconds, (q) => decide(q, index.match(q)));
  const scanned = measure('scan of every phrasing', seconds, (q) => decide(q, index.matchByScanning(q)));
  const articles = knowledgeBase();
  const byPhrasing = new Map(articles.flatMap((a) => a.questions.map((q) => [q, a] as const)));
  const lookedUp = measure('exact lookup (the floor)', seconds, (q) => byPhrasing.get(q));
  return Promise.resolve({
    bench: 'auto-answer',
    metric: 'questions_per_second',
    value: indexed.perSecond,
    baseline: scanned.perSecond,
    limit: lookedUp.perSecond,
    cpu_ms_per_unit: round(indexed.cpuMs, 4),
    p50_ms: indexed.p50,
    p99_ms: indexed.p99,
    baseline_p50_ms: scanned.p50,
    baseline_p99_ms: scanned.p99,
    baseline_cpu_ms_per_unit: round(scanned.cpuMs, 4),
    articles: ARTICLES,
    seconds,
  });
};
