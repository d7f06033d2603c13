import { ConversationsReviews1732406400000 } from './1732406400000-conversations-reviews';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const CUSTOMER_SERVICE_MIGRATIONS = [ConversationsReviews1732406400000];
