import { NO_FACTS, outstandingLines, stepTowards, targetStatus, trimAllocations, wholeOrderRefunded, type OrderFacts } from './order-lifecycle';

const facts = (overrides: Partial<OrderFacts>): OrderFacts => ({ ...NO_FACTS, ...overrides });

describe('order lifecycle', () => {
  it('holds stock for a created or paid order, ships it, frees it on cancel, refund or unpaid timeout', () => {
    expect(targetStatus(NO_FACTS)).toBe('RESERVED');
    expect(targetStatus(facts({ paid: true }))).toBe('RESERVED');
    expect(targetStatus(facts({ paid: true, shipped: true }))).toBe('COMMITTED');
    expect(targetStatus(facts({ completed: true }))).toBe('COMMITTED');
    expect(targetStatus(facts({ cancelled: true }))).toBe('RELEASED');
    expect(targetStatus(facts({ paid: true, refundedBeforeShipping: true }))).toBe('RELEASED');
    expect(targetStatus(facts({ paymentWindowClosed: true }))).toBe('RELEASED');
    expect(targetStatus(facts({ paymentWindowClosed: true, paid: true }))).toBe('RESERVED');
  });

  it('lets shipping win over a cancellation that arrives late: the parcel has left', () => {
    expect(targetStatus(facts({ cancelled: true, shipped: true }))).toBe('COMMITTED');
  });

  it('moves between statuses with one stock step, and never out of COMMITTED or REJECTED', () => {
    expect(stepTowards(undefined, 'RESERVED')).toBe('reserve');
    expect(stepTowards(undefined, 'COMMITTED')).toBe('reserve-and-commit');
    expect(stepTowards(undefined, 'RELEASED')).toBe('none');
    expect(stepTowards('RESERVED', 'COMMITTED')).toBe('commit');
    expect(stepTowards('RESERVED', 'RELEASED')).toBe('release');
    expect(stepTowards('RESERVED', 'RESERVED')).toBe('none');
    expect(stepTowards('RELEASED', 'RESERVED')).toBe('reserve');
    expect(stepTowards('COMMITTED', 'RELEASED')).toBe('none');
    expect(stepTowards('REJECTED', 'COMMITTED')).toBe('none');
  });

  it('reaches the same status whatever order the same facts arrive in', () => {
    const all: Array<keyof OrderFacts> = ['paid', 'shipped', 'completed', 'cancelled'];
    const permutations = (items: Array<keyof OrderFacts>): Array<Array<keyof OrderFacts>> =>
      items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
    const outcomes = new Set(
      permutations(all).map((order) => {
        let status: 'RESERVED' | 'COMMITTED' | 'RELEASED' | undefined;
        let known: OrderFacts = NO_FACTS;
        for (const fact of order) {
          known = { ...known, [fact]: true };
          const step = stepTowards(status, targetStatus(known));
          if (step === 'reserve') status = 'RESERVED';
          if (step === 'commit' || step === 'reserve-and-commit') status = 'COMMITTED';
          if (step === 'release') status = 'RELEASED';
        }
        return status;
      }),
    );
    expect([...outcomes]).toEqual(['COMMITTED']);
  });

  describe('refunds before shipping', () => {
    const lines = [
      { skuCode: 'A', quantity: 3 },
      { skuCode: 'B', quantity: 2 },
    ];

    it('leaves the unrefunded lines and quantities outstanding, a refund beyond a line taking only that line', () => {
      expect(outstandingLines(lines, [])).toEqual(lines);
      expect(outstandingLines(lines, [{ refundId: 'r1', lines: [{ skuCode: 'A', quantity: 1 }] }])).toEqual([
        { skuCode: 'A', quantity: 2 },
        { skuCode: 'B', quantity: 2 },
      ]);
      expect(
        outstandingLines(lines, [
          { refundId: 'r1', lines: [{ skuCode: 'A', quantity: 1 }] },
          { refundId: 'r2', lines: [{ skuCode: 'A', quantity: 5 }] },
        ]),
      ).toEqual([{ skuCode: 'B', quantity: 2 }]);
      expect(outstandingLines(lines, [{ refundId: 'r1', lines: [{ skuCode: 'C', quantity: 1 }] }])).toEqual(lines);
    });

    it('counts the order wholly refunded only when nothing is left, or when a refund names no lines', () => {
      expect(wholeOrderRefunded(lines, [])).toBe(false);
      expect(wholeOrderRefunded(lines, [{ refundId: 'r1', lines: [{ skuCode: 'A', quantity: 3 }] }])).toBe(false);
      expect(
        wholeOrderRefunded(lines, [
          { refundId: 'r1', lines: [{ skuCode: 'A', quantity: 3 }] },
          { refundId: 'r2', lines: [{ skuCode: 'B', quantity: 2 }] },
        ]),
      ).toBe(true);
      expect(wholeOrderRefunded(lines, [{ refundId: 'r1', lines: [] }])).toBe(true);
      // Lines not known yet: a refund with lines cannot decide it.
      expect(wholeOrderRefunded([], [{ refundId: 'r1', lines: [{ skuCode: 'A', quantity: 3 }] }])).toBe(false);
    });

    it('frees the refunded units from the locations allocated last and keeps the rest', () => {
      const allocations = [
        { skuCode: 'A', locationCode: 'SH-FRONT', quantity: 2 },
        { skuCode: 'A', locationCode: 'CENTRAL', quantity: 1 },
        { skuCode: 'B', locationCode: 'CENTRAL', quantity: 2 },
      ];
      expect(
        trimAllocations(allocations, [
          { skuCode: 'A', quantity: 1 },
          { skuCode: 'B', quantity: 2 },
        ]),
      ).toEqual({
        keep: [
          { skuCode: 'A', locationCode: 'SH-FRONT', quantity: 1 },
          { skuCode: 'B', locationCode: 'CENTRAL', quantity: 2 },
        ],
        release: [
          { skuCode: 'A', locationCode: 'SH-FRONT', quantity: 1 },
          { skuCode: 'A', locationCode: 'CENTRAL', quantity: 1 },
        ],
      });
      expect(
        trimAllocations(allocations, [
          { skuCode: 'A', quantity: 3 },
          { skuCode: 'B', quantity: 2 },
        ]),
      ).toEqual({ keep: allocations, release: [] });
      expect(trimAllocations(allocations, []).release).toEqual(allocations);
    });
  });
});
