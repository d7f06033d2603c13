import { ConversationsReviews1732406400000 } from './1732406400000-conversations-reviews';
import { ServiceDesk1733100000000 } from './1733100000000-service-desk';
import { OverdueWatch1733300000000 } from './1733300000000-overdue-watch';
import { OrderTracking1796715000000 } from './1796715000000-order-tracking';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const CUSTOMER_SERVICE_MIGRATIONS = [ConversationsReviews1732406400000, ServiceDesk1733100000000, OverdueWatch1733300000000, OrderTracking1796715000000];
