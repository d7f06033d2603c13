import { SERVICES, type ServiceName } from '@shopops/contracts';
import type { MigrationList } from '@shopops/platform';
import { ANALYTICS_MIGRATIONS } from '../apps/analytics/src/migrations';
import { CATALOG_MIGRATIONS } from '../apps/catalog/src/migrations';
import { CUSTOMER_SERVICE_MIGRATIONS } from '../apps/customer-service/src/migrations';
import { GATEWAY_MIGRATIONS } from '../apps/gateway/src/migrations';
import { INVENTORY_MIGRATIONS } from '../apps/inventory/src/migrations';
import { MEMBERSHIP_MIGRATIONS } from '../apps/membership/src/migrations';

/** Every service's migrations, keyed by service: what `npm run migrate` applies. */
export const SUITE_MIGRATIONS: Readonly<Record<ServiceName, MigrationList>> = {
  gateway: GATEWAY_MIGRATIONS,
  catalog: CATALOG_MIGRATIONS,
  inventory: INVENTORY_MIGRATIONS,
  membership: MEMBERSHIP_MIGRATIONS,
  'customer-service': CUSTOMER_SERVICE_MIGRATIONS,
  analytics: ANALYTICS_MIGRATIONS,
};

/** The built entry point of a service. */
export function serviceMain(root: string, service: ServiceName): string {
  return `${root}/dist/apps/${service}/src/main.js`;
}

export { SERVICES };
