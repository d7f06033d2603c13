import { Members1732406400000 } from './1732406400000-members';
import { Loyalty1732500000000 } from './1732500000000-loyalty';
import { WinBackArms1733600000000 } from './1733600000000-win-back-arms';
import { IdentityVerifications1733700000000 } from './1733700000000-identity-verifications';
import { DeclaredPhones1733800000000 } from './1733800000000-declared-phones';
import { SealedNickname1733900000000 } from './1733900000000-sealed-nickname';
import { RefundIdentity1734000000000 } from './1734000000000-refund-identity';
import { ErasureConfirmations1734100000000 } from './1734100000000-erasure-confirmations';
import { MemberCarts1734200000000 } from './1734200000000-member-carts';
import { MemberStage1734300000000 } from './1734300000000-member-stage';
import { MemberBehaviour1797500000000 } from './1797500000000-member-behaviour';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const MEMBERSHIP_MIGRATIONS = [
  Members1732406400000,
  Loyalty1732500000000,
  WinBackArms1733600000000,
  IdentityVerifications1733700000000,
  DeclaredPhones1733800000000,
  SealedNickname1733900000000,
  RefundIdentity1734000000000,
  ErasureConfirmations1734100000000,
  MemberCarts1734200000000,
  MemberStage1734300000000,
  MemberBehaviour1797500000000,
];
