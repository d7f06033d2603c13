import type { ArticleMatch } from './knowledge-index';

export type Sentiment = 'positive' | 'neutral' | 'negative';

const NEGATIVE = [
  '太差',
  '很差',
  '真差',
  '质量差',
  '差评',
  '烂',
  '垃圾',
  '骗',
  '失望',
  '气死',
  '恶心',
  '假货',
  '破洞',
  '开线',
  '褪色',
  '过敏',
  '污渍',
  '破损',
  '太慢',
  '态度',
  '坑',
  'worst',
  'terrible',
  'awful',
  'angry',
  'disappointed',
  'fake',
];
const POSITIVE = ['喜欢', '好看', '满意', '赞', '舒服', '合身', '质感好', '好评', 'love', 'great', 'perfect', 'beautiful'];
/** Anything about a complaint, money back or a fault goes to a person, whatever the score. */
const HANDOVER_KEYWORDS = [
  '投诉',
  '退款',
  '赔偿',
  '经理',
  '12315',
  '举报',
  '扣了两次',
  '少退',
  '少发',
  '发错',
  '拒绝',
  '仅退款',
  '质量问题',
  '赠品',
  '没人理',
  '解释',
  'complain',
  'refund',
  'manager',
  'charged twice',
  'compensation',
];

export function sentimentOf(text: string): Sentiment {
  const lowered = text.toLowerCase();
  const negative = NEGATIVE.filter((w) => lowered.includes(w)).length;
  const positive = POSITIVE.filter((w) => lowered.includes(w)).length;
  return negative > positive ? 'negative' : positive > negative ? 'positive' : 'neutral';
}

export interface AutoAnswerDecision {
  readonly answer: ArticleMatch | null;
  /** Why a person should take it: low-confidence, negative-sentiment, handover-keyword. */
  readonly handoverReason: string | null;
  readonly sentiment: Sentiment;
  readonly confidence: number;
}

export interface AutoAnswerThresholds {
  /** The best match must score at least this… */
  readonly minScore: number;
  /** …and beat the next article by this much. */
  readonly minMargin: number;
}

export const DEFAULT_THRESHOLDS: AutoAnswerThresholds = { minScore: 0.3, minMargin: 0.04 };

/** Answer when confident and calm; otherwise hand over to a person with the bot's context. */
export function decide(question: string, matches: readonly ArticleMatch[], thresholds: AutoAnswerThresholds = DEFAULT_THRESHOLDS): AutoAnswerDecision {
  const sentiment = sentimentOf(question);
  const [best, next] = matches;
  const confidence = best ? best.score : 0;
  const lowered = question.toLowerCase();
  if (HANDOVER_KEYWORDS.some((k) => lowered.includes(k))) return { answer: null, handoverReason: 'handover-keyword', sentiment, confidence };
  if (sentiment === 'negative') return { answer: null, handoverReason: 'negative-sentiment', sentiment, confidence };
  if (!best || best.score < thresholds.minScore || best.score - (next?.score ?? 0) < thresholds.minMargin)
    return { answer: null, handoverReason: 'low-confidence', sentiment, confidence };
  return { answer: best, handoverReason: null, sentiment, confidence };
}
