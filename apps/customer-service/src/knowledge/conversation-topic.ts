import { ConversationTopic } from '../conversations/conversation.model';
import type { Sentiment } from './auto-answer.policy';

const AFTER_SALES_WORDS = ['退货', '退款', '换货', '换码', '售后', '退回', 'return', 'refund', 'exchange'];
const COMPLAINT_WORDS = ['投诉', '差评', '12315', '骗', '假货', '经理', 'complain', 'manager'];

/** What a buyer's first message is about, by the words it uses; a complaint outranks after-sales. */
export function topicOf(text: string): ConversationTopic {
  const lowered = text.toLowerCase();
  if (COMPLAINT_WORDS.some((w) => lowered.includes(w))) return ConversationTopic.COMPLAINT;
  if (AFTER_SALES_WORDS.some((w) => lowered.includes(w))) return ConversationTopic.AFTER_SALES;
  return ConversationTopic.PRE_SALES;
}

/** An angry pre-sales buyer is a complaint by the time a person takes over. */
export function topicAtHandover(topic: ConversationTopic, sentiment: Sentiment): ConversationTopic {
  return sentiment === 'negative' && topic === ConversationTopic.PRE_SALES ? ConversationTopic.COMPLAINT : topic;
}
