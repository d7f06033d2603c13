import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventDefinition } from '@shopops/contracts';
import type { RequestContext } from '../context/request-context';
import { ON_EVENT, SCHEDULED, type EventBatchHandlerFn, type EventHandlerFn, type OnEventMetadata, type ScheduleMetadata } from './on-event.decorator';

/** An @OnEvent or @OnEventBatch method, called with a transaction and the events of one batch. */
export interface DiscoveredHandler {
  readonly consumer: string;
  readonly definitions: readonly EventDefinition[];
  /** @OnEvent methods are called event after event in the same transaction. */
  readonly invoke: EventBatchHandlerFn<unknown>;
}

export interface DiscoveredSchedule {
  readonly metadata: ScheduleMetadata;
  readonly run: (ctx: RequestContext) => Promise<void>;
}

/** The event handlers and schedules of every static provider of the application. */
export function discoverHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): { handlers: DiscoveredHandler[]; schedules: DiscoveredSchedule[] } {
  const handlers: DiscoveredHandler[] = [];
  const schedules: DiscoveredSchedule[] = [];
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const fn = instance[method] as (...args: unknown[]) => Promise<void>;
      const onEvent = reflector.get<OnEventMetadata | undefined>(ON_EVENT, fn);
      if (onEvent) {
        const one = fn as unknown as EventHandlerFn<unknown>;
        const many = fn as unknown as EventBatchHandlerFn<unknown>;
        handlers.push({
          consumer: onEvent.consumer ?? `${instance.constructor.name}.${method}`,
          definitions: onEvent.definitions,
          invoke: onEvent.batched
            ? (tx, events) => many.call(instance, tx, events)
            : async (tx, events) => {
                for (const event of events) {
                  // What this event's handler emits continues this event's trace.
                  tx.traceEmitsUnder(event.traceparent);
                  await one.call(instance, tx, event);
                }
              },
        });
      }
      const scheduled = reflector.get<ScheduleMetadata | undefined>(SCHEDULED, fn);
      if (scheduled) schedules.push({ metadata: scheduled, run: (ctx) => fn.call(instance, ctx) });
    }
  }
  return { handlers, schedules };
}

/** Routing and handlers must agree, or events would pile up unhandled or never arrive. */
export function checkHandlersMatchSubscriptions(service: string, subscriptions: readonly EventDefinition[], handledTypes: readonly string[]): void {
  const subscribed = new Set(subscriptions.map((d) => d.type));
  const handled = new Set(handledTypes);
  const unhandled = [...subscribed].filter((t) => !handled.has(t));
  const unrouted = [...handled].filter((t) => !subscribed.has(t));
  const problems = [
    ...unhandled.map((t) => `${service} subscribes to ${t} but no @OnEvent handler takes it`),
    ...unrouted.map((t) => `${service} handles ${t} but its subscriptions do not route it here`),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
