import type { ServiceMigrations } from '@shopops/platform';
import { ANALYTICS_MIGRATIONS } from './analytics/src/migrations';
import { CATALOG_MIGRATIONS } from './catalog/src/migrations';
import { CUSTOMER_SERVICE_MIGRATIONS } from './customer-service/src/migrations';
import { GATEWAY_MIGRATIONS } from './gateway/src/migrations';
import { INVENTORY_MIGRATIONS } from './inventory/src/migrations';
import { MEMBERSHIP_MIGRATIONS } from './membership/src/migrations';

/** Every service's migrations, keyed by service: what `npm run migrate`, `npm start` and the e2e stack apply. */
export const SUITE_MIGRATIONS: ServiceMigrations = {
  gateway: GATEWAY_MIGRATIONS,
  catalog: CATALOG_MIGRATIONS,
  inventory: INVENTORY_MIGRATIONS,
  membership: MEMBERSHIP_MIGRATIONS,
  'customer-service': CUSTOMER_SERVICE_MIGRATIONS,
  analytics: ANALYTICS_MIGRATIONS,
};
