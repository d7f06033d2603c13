import { Members1732406400000 } from './1732406400000-members';
import { Loyalty1732500000000 } from './1732500000000-loyalty';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const MEMBERSHIP_MIGRATIONS = [Members1732406400000, Loyalty1732500000000];
