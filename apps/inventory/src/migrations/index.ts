import { Stock1732406400000 } from './1732406400000-stock';
import { ReservationsAndOperations1732500000000 } from './1732500000000-reservations-and-operations';
import { FlashSales1733500000000 } from './1733500000000-flash-sales';
import { PaymentDeadlines1796600000000 } from './1796600000000-payment-deadlines';
import { ChannelStockCoalescing1796700000000 } from './1796700000000-channel-stock-coalescing';
import { PartialRefunds1796800000000 } from './1796800000000-partial-refunds';
import { LimitedRuns1797000100000 } from './1797000100000-limited-runs';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const INVENTORY_MIGRATIONS = [
  Stock1732406400000,
  ReservationsAndOperations1732500000000,
  FlashSales1733500000000,
  PaymentDeadlines1796600000000,
  ChannelStockCoalescing1796700000000,
  PartialRefunds1796800000000,
  LimitedRuns1797000100000,
];
