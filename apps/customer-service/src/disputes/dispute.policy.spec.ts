import { GradedDisputePolicy, type DisputeClaim, type DisputeFacts } from './dispute.policy';

const policy = new GradedDisputePolicy({ expertAboveFen: 50_000, advanceCompensationMaxFen: 20_000 });
const PHOTO = ['https://img.example.com/damage.jpg'];
const facts = (overrides: Partial<DisputeFacts> = {}): DisputeFacts => ({
  claim: 'NOT_RECEIVED',
  amountFen: 10_000,
  evidence: [],
  complex: false,
  orderStatus: 'SHIPPED',
  delivered: false,
  ...overrides,
});
const buyer = (rule: string, compensationFen: number, refundFen?: number) => ({
  grade: 'ORDINARY',
  decision: 'BUYER',
  rule,
  compensationFen,
  ...(refundFen === undefined ? {} : { refundFen }),
});
const seller = (rule: string) => ({ grade: 'ORDINARY', decision: 'SELLER', rule });
const EXPERT = { grade: 'EXPERT' };

describe('graded dispute policy', () => {
  describe('what goes to the expert team', () => {
    it('takes amounts above the limit, not at it', () => {
      expect(policy.rule(facts({ amountFen: 50_001 }))).toEqual(EXPERT);
      expect(policy.rule(facts({ amountFen: 50_000 }))).toEqual(buyer('shipped-not-delivered: compensate now, claim from the carrier', 0));
    });

    it('takes complex disputes and unclassified claims at any amount', () => {
      expect(policy.rule(facts({ complex: true, amountFen: 1 }))).toEqual(EXPERT);
      expect(policy.rule(facts({ claim: 'OTHER', amountFen: 1 }))).toEqual(EXPERT);
    });

    it('takes disputes on an order the shop has no record of, or one that was cancelled, whatever the claim', () => {
      for (const claim of ['NOT_RECEIVED', 'LOST_IN_TRANSIT', 'DAMAGED_IN_TRANSIT', 'QUALITY', 'NOT_AS_DESCRIBED'] as DisputeClaim[]) {
        expect(policy.rule(facts({ claim, orderStatus: null, evidence: PHOTO }))).toEqual(EXPERT);
        expect(policy.rule(facts({ claim, orderStatus: 'CANCELLED', evidence: PHOTO }))).toEqual(EXPERT);
        expect(policy.rule(facts({ claim, orderStatus: 'SOMETHING-NEW', evidence: PHOTO }))).toEqual(EXPERT);
      }
    });
  });

  describe('parcels that did not arrive', () => {
    it.each(['NOT_RECEIVED', 'LOST_IN_TRANSIT'] as DisputeClaim[])('%s on an order never shipped is a full refund, with nothing to compensate', (claim) => {
      for (const orderStatus of ['CREATED', 'PAID']) {
        expect(policy.rule(facts({ claim, orderStatus, delivered: null }))).toEqual(buyer('never-shipped: full refund', 0, 10_000));
      }
    });

    it.each(['NOT_RECEIVED', 'LOST_IN_TRANSIT'] as DisputeClaim[])(
      '%s on a shipped parcel not delivered is compensated now, up to the advance limit',
      (claim) => {
        for (const orderStatus of ['SHIPPED', 'COMPLETED']) {
          for (const delivered of [false, null]) {
            expect(policy.rule(facts({ claim, orderStatus, delivered, amountFen: 20_000 }))).toEqual(
              buyer('shipped-not-delivered: compensate now, claim from the carrier', 20_000),
            );
            expect(policy.rule(facts({ claim, orderStatus, delivered, amountFen: 20_001 }))).toEqual(
              buyer('shipped-not-delivered: compensate now, claim from the carrier', 0),
            );
          }
        }
      },
    );

    it('sides with tracking that shows delivery, unless the buyer brings evidence, which a person weighs', () => {
      expect(policy.rule(facts({ delivered: true }))).toEqual(seller('delivered-per-tracking'));
      expect(policy.rule(facts({ claim: 'LOST_IN_TRANSIT', delivered: true }))).toEqual(seller('delivered-per-tracking'));
      expect(policy.rule(facts({ delivered: true, evidence: PHOTO }))).toEqual(EXPERT);
    });
  });

  describe('damage and defects', () => {
    it('compensates transit damage shown in photos, up to the advance limit; without photos the seller is right', () => {
      expect(policy.rule(facts({ claim: 'DAMAGED_IN_TRANSIT', evidence: PHOTO, amountFen: 20_000 }))).toEqual(
        buyer('damage-with-photos: compensate now, claim from the carrier', 20_000),
      );
      expect(policy.rule(facts({ claim: 'DAMAGED_IN_TRANSIT', evidence: PHOTO, amountFen: 20_001 }))).toEqual(
        buyer('damage-with-photos: compensate now, claim from the carrier', 0),
      );
      expect(policy.rule(facts({ claim: 'DAMAGED_IN_TRANSIT' }))).toEqual(seller('damage-without-evidence'));
    });

    it.each(['QUALITY', 'NOT_AS_DESCRIBED'] as DisputeClaim[])(
      '%s with evidence is refunded (no advance compensation); without, the seller is right',
      (claim) => {
        expect(policy.rule(facts({ claim, evidence: PHOTO }))).toEqual(buyer('defect-with-evidence: refund', 0, 10_000));
        expect(policy.rule(facts({ claim }))).toEqual(seller('defect-without-evidence'));
      },
    );
  });
});
