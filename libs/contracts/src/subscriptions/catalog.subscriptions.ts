import type { EventDefinition } from '../events/define-event';

/** Events delivered to catalog's queue. */
export const CATALOG_SUBSCRIPTIONS: readonly EventDefinition[] = [];
