import labelled from './labelled-questions.json';
import { decide, sentimentOf } from './auto-answer.policy';
import { KnowledgeIndex } from './knowledge-index';
import { KNOWLEDGE_SEED } from './knowledge-seed';

/**
 * The labelled set: 200+ buyer questions none of which is a phrasing in the knowledge base.
 * Answerable ones carry their intent; `human` marks those a person must take.
 */
describe('auto-answer on the labelled questions', () => {
  const index = new KnowledgeIndex(KNOWLEDGE_SEED.map((a, i) => ({ id: String(i), ...a })));
  const questions = labelled as Array<{ question: string; intent: string }>;
  const outcomes = questions.map((q) => ({ ...q, decision: decide(q.question, index.match(q.question)) }));
  const answered = outcomes.filter((o) => o.decision.answer);
  const wrong = answered.filter((o) => o.decision.answer!.article.intent !== o.intent);
  const answerable = outcomes.filter((o) => o.intent !== 'human');

  it('is a set of at least 200 questions, none copied from the knowledge base', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const phrasings = new Set(KNOWLEDGE_SEED.flatMap((a) => [a.title, ...a.questions]));
    expect(questions.filter((q) => phrasings.has(q.question))).toEqual([]);
  });

  it('never auto-answers a complaint, a refund demand or an angry buyer', () => {
    expect(outcomes.filter((o) => o.intent === 'human' && o.decision.answer).map((o) => o.question)).toEqual([]);
  });

  it('answers most common questions, and almost never wrongly', () => {
    const rate = answered.length / answerable.length;
    const wrongShare = wrong.length / Math.max(1, answered.length);
    process.stdout.write(
      `auto-answer: ${answered.length}/${answerable.length} answerable questions answered (${(100 * rate).toFixed(1)}%), ${wrong.length} wrongly (${(100 * wrongShare).toFixed(1)}% of answers)\n`,
    );
    expect(rate).toBeGreaterThanOrEqual(0.85);
    expect(wrongShare).toBeLessThanOrEqual(0.05);
  });

  it('finds the same articles with the inverted index as by scanning every phrasing', () => {
    for (const q of questions) expect(index.match(q.question)).toEqual(index.matchByScanning(q.question));
  });

  it('reads sentiment from the words used', () => {
    expect(sentimentOf('质量太差了，非常失望')).toBe('negative');
    expect(sentimentOf('很喜欢，面料舒服')).toBe('positive');
    expect(sentimentOf('什么时候发货')).toBe('neutral');
  });
});
