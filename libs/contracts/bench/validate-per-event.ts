/**
 * µs per event of the contract validation on the hot paths (consumed events, webhooks, tracked
 * events): `node -r ./libs/testing/swc-require-hook.js libs/contracts/bench/validate-per-event.ts`.
 * Prints one JSON line per sample payload: CPU µs per event with class-validator (before) and compiled (after).
 */
import { ChannelOrderCreated, OrderData, ReservationChanged, TrackedEvent, validatePlain, validatePlainWithClassValidator, type EventDefinition } from '../src';

const order = {
  orderId: 'TB-20261111-000123',
  buyer: { platformUserId: 'tb-buyer-42', nicknameSealed: 'v1.sealed.nick', phoneSealed: 'v1.sealed.phone', phoneHash: 'h'.repeat(64) },
  lines: [
    { skuCode: 'SKU-RED-M', quantity: 2, unitPriceFen: 19900 },
    { skuCode: 'SKU-BLU-L', quantity: 1, unitPriceFen: 29900 },
  ],
  totalFen: 69700,
  region: '310000',
  placedAt: '2026-11-11T00:00:01+08:00',
  channel: 'taobao',
  occurredAt: '2026-11-11T00:00:02+08:00',
  deliveryId: 'dlv-000123',
};
const webhookOrder = { ...order, buyer: { platformUserId: 'tb-buyer-42', nickname: 'Lin', phone: '+8613800138000' } } as Record<string, unknown>;
delete webhookOrder.channel;
delete webhookOrder.occurredAt;
delete webhookOrder.deliveryId;
const tracked = {
  eventId: 'evt-000000001',
  type: 'product_view',
  occurredAt: '2026-11-11T10:00:00+08:00',
  anonymousId: 'anon-1',
  channel: 'storefront',
  device: 'mobile',
  source: 'feed',
  skuCode: 'SKU-RED-M',
  experiment: { key: 'hero', variant: 'b' },
  properties: { position: 3 },
};
const reservation = {
  channel: 'taobao',
  orderId: 'TB-1',
  status: 'RESERVED',
  lines: [{ skuCode: 'SKU-RED-M', locationCode: 'SH-1', quantity: 2 }],
};

/** CPU µs per call (this process's user + system time, steadier than the wall clock on a shared machine), median of `rounds`. */
function perCall(run: () => unknown, calls: number, rounds: number): number {
  for (let i = 0; i < 2000; i += 1) run(); // warm-up (and the first, lazy compilation)
  const figures: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = process.cpuUsage();
    for (let i = 0; i < calls; i += 1) run();
    const used = process.cpuUsage(started);
    figures.push((used.user + used.system) / calls);
  }
  return +figures.sort((a, b) => a - b)[Math.floor(rounds / 2)].toFixed(2);
}

const calls = Number(process.argv[2] ?? 20_000);
const rounds = 5;
const samples: Array<[string, EventDefinition | (new () => object), object]> = [
  ['channel.order.created.v1', ChannelOrderCreated, order],
  ['webhook order.created data', OrderData, webhookOrder],
  ['tracked event', TrackedEvent, tracked],
  ['inventory.reservation.changed.v1', ReservationChanged, reservation],
];
for (const [name, target, payload] of samples) {
  const cls = typeof target === 'function' ? target : (target.payloadClass as new () => object);
  const compiled = typeof target === 'function' ? () => validatePlain(cls, payload) : () => target.validate(payload);
  if (!compiled().ok || !validatePlainWithClassValidator(cls, payload).ok) throw new Error(`${name}: sample refused`);
  const after = perCall(compiled, calls, rounds);
  const before = perCall(() => validatePlainWithClassValidator(cls, payload), calls / 10, rounds);
  // a floor for any check that reads the whole payload once
  const floor = perCall(() => JSON.stringify(payload), calls, rounds);
  console.log(
    JSON.stringify({ payload: name, class_validator_us: before, compiled_us: after, speedup: +(before / after).toFixed(1), json_stringify_us: floor }),
  );
}
