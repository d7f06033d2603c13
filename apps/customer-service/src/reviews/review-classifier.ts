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

/** How the statements name a complaint category. */
const COMPLAINT_WORDS: Readonly<Record<string, string>> = {
  'product-quality': '质量问题',
  'size-fit': '尺码不合适',
  'not-as-described': '实物与描述不符',
  logistics: '物流问题',
  'service-attitude': '客服服务',
};

/**
 * The crisis playbook's templated statements (DOMAIN: a spike opens an incident with a checklist
 * and templated statements), filled in for the incident: what it is about, how many buyers
 * complained, and the contact promise the incident's tasks keep.
 */
export function incidentStatements(incident: {
  scope: 'product' | 'shop';
  subject: string;
  negativeReviews: number;
  complaint: string | null;
  contactWithinHours: number;
}): Array<{ audience: 'buyers' | 'platform' | 'internal'; text: string }> {
  const about = incident.scope === 'product' ? `商品 ${incident.subject}` : '本店商品';
  const complaint = (incident.complaint && COMPLAINT_WORDS[incident.complaint]) || '商品与服务';
  const hours = incident.contactWithinHours;
  return [
    {
      audience: 'buyers',
      text: `关于${about}的说明：我们近期收到 ${incident.negativeReviews} 位顾客关于${complaint}的反馈，对此深表歉意。相关批次已暂停推广并安排复检；已购买的顾客可申请退货、换货或补偿，客服将在 ${hours} 小时内主动联系每一位反馈的顾客。`,
    },
    {
      audience: 'platform',
      text: `${about}在短时间内出现 ${incident.negativeReviews} 条关于${complaint}的差评，店铺已启动应急预案：暂停推广、批次复检，并承诺 ${hours} 小时内联系每位差评顾客，按规则提供退换或补偿。`,
    },
    {
      audience: 'internal',
      text: `差评预警：${about}，${incident.negativeReviews} 条差评，主要问题为${complaint}。请按清单执行，${hours} 小时内完成全部回访并记录挽回结果。`,
    },
  ];
}
