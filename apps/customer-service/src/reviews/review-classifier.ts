/** What a negative review complains about, by the words it uses (first match wins). */
const CATEGORIES: ReadonlyArray<[string, readonly string[]]> = [
  ['not-as-described', ['色差', '不一样', '货不对板', '与描述', '和图片', '跟图片', '描述不符', 'not as described', 'different from']],
  ['size-fit', ['尺码', '偏大', '偏小', '不合身', '太紧', '太松', '码数', 'size', 'fit']],
  ['product-quality', ['质量', '起球', '开线', '掉色', '褪色', '破洞', '缩水', '做工', '线头', '异味', '掉毛', 'quality', 'broke', 'faded']],
  ['logistics', ['物流', '快递', '发货慢', '太慢', '破损', '包装', '送货', 'delivery', 'shipping', 'courier']],
  ['service-attitude', ['客服', '态度', '不理', '不回', '敷衍', 'service', 'rude']],
];

export function classifyNegativeReview(text: string): string {
  const lowered = text.toLowerCase();
  return CATEGORIES.find(([, words]) => words.some((w) => lowered.includes(w)))?.[0] ?? 'other';
}

/** Stars first; the words decide a middling rating. */
export function reviewSentiment(rating: number, negativeWords: boolean): 'positive' | 'neutral' | 'negative' {
  if (rating <= 2) return 'negative';
  if (rating === 3) return negativeWords ? 'negative' : 'neutral';
  return 'positive';
}

export const INCIDENT_CHECKLIST = [
  'Pause ads and live-stream mentions of the product',
  'Check the batch in the warehouse (QC sample of 20)',
  'Contact every negative reviewer within 24 hours',
  'Publish the templated statement (质量说明) on the product page',
  'Offer return, exchange or compensation per policy',
  'Review with the supplier and record the cause',
];
