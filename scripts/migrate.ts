/** `npm run migrate`: every service's schema and pending migrations (see migrateServices). */
import 'reflect-metadata';
import { migrateServices } from '@shopops/platform';
import { SUITE_MIGRATIONS } from '../apps/migrations';

migrateServices(SUITE_MIGRATIONS, process.env, (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
