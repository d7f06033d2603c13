import type { EventDefinition } from '../events/define-event';
import { SkuCreated } from '../catalog/catalog.events';

/** Events delivered to inventory's queue. */
export const INVENTORY_SUBSCRIPTIONS: readonly EventDefinition[] = [SkuCreated];
