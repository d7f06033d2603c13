import { SuiteStack } from './stack';
import { devWebhookSecret, ROTATED_DOUYIN_SECRET } from './webhooks';

/** Starts the shared suite once for every e2e spec file; its address reaches specs via env. */
export default async function globalSetup(): Promise<void> {
  const stack = await SuiteStack.start({
    name: 'e2e-shared',
    env: { WEBHOOK_SECRET_DOUYIN: `${devWebhookSecret('douyin')} ${ROTATED_DOUYIN_SECRET}` },
  });
  process.env.SHOPOPS_GATEWAY_URL = stack.gatewayUrl;
  process.env.SHOPOPS_TEST_DATABASE_URL = stack.databaseUrl;
  process.env.SHOPOPS_TEST_QUEUE_PREFIX = stack.queuePrefix;
  process.env.SHOPOPS_SERVICE_PORTS = JSON.stringify(Object.fromEntries(stack.ports));
  (globalThis as { __shopopsStack?: SuiteStack }).__shopopsStack = stack;
}
