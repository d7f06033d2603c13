import { channelKey, coalesce, publishableQuantity, type PublishedState } from './channel-stock-sync';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 11, 12, 0, 0) + ms);
const change = (quantity: number, channel = 'taobao', skuCode = 'LX-BAG-01') => ({ channel, skuCode, quantity });
const state = (entries: Array<[string, PublishedState]>) => new Map(entries);

describe('channel quantities', () => {
  it('offer a share of available stock, 0 under the floor, plus virtual stock', () => {
    expect(publishableQuantity(9, { channel: 'douyin', sharePercent: 50, floor: 5, virtualStock: 0 })).toBe(0);
    expect(publishableQuantity(12, { channel: 'douyin', sharePercent: 50, floor: 5, virtualStock: 0 })).toBe(6);
    expect(publishableQuantity(10, { channel: 'douyin', sharePercent: 50, floor: 5, virtualStock: 0 })).toBe(5);
    expect(publishableQuantity(-3, { channel: 'mall', sharePercent: 100, floor: 0, virtualStock: 3 })).toBe(3);
  });
});

describe('coalescing channel stock publications', () => {
  const key = channelKey('taobao', 'LX-BAG-01');

  it('publishes at once what was never published, or last published a window or more ago', () => {
    expect(coalesce([change(5)], new Map(), at(0), 1000)).toEqual({ now: [change(5)], later: [] });
    expect(coalesce([change(5)], state([[key, { emittedAt: at(0), flushDueAt: null }]]), at(1000), 1000)).toEqual({ now: [change(5)], later: [] });
  });

  it('holds a change inside the window for one publication at its end', () => {
    expect(coalesce([change(4)], state([[key, { emittedAt: at(0), flushDueAt: null }]]), at(999), 1000)).toEqual({
      now: [],
      later: [{ ...change(4), dueAt: at(1000) }],
    });
  });

  it('adds nothing when a publication of the latest quantity is already due', () => {
    expect(coalesce([change(3)], state([[key, { emittedAt: at(0), flushDueAt: at(1000) }]]), at(400), 1000)).toEqual({ now: [], later: [] });
  });

  it('decides per channel and SKU', () => {
    const decided = coalesce(
      [change(4), change(7, 'mall'), change(2, 'taobao', 'LX-BAG-02')],
      state([[key, { emittedAt: at(0), flushDueAt: null }]]),
      at(100),
      1000,
    );
    expect(decided).toEqual({ now: [change(7, 'mall'), change(2, 'taobao', 'LX-BAG-02')], later: [{ ...change(4), dueAt: at(1000) }] });
  });

  it('with a window of 0 publishes every change at once', () => {
    expect(coalesce([change(4)], state([[key, { emittedAt: at(0), flushDueAt: null }]]), at(0), 0)).toEqual({ now: [change(4)], later: [] });
  });
});
