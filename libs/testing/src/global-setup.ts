import { suiteEnv } from './harness-env';
import { SuiteStack } from './stack';
import { SUITE_ENV } from './suite-env';

/** Starts the shared suite once for every e2e spec file; its address reaches specs via env. */
export default async function globalSetup(): Promise<void> {
  const stack = await SuiteStack.start({
    name: 'e2e-shared',
    env: SUITE_ENV,
  });
  suiteEnv.publish(stack.specEnvironment());
  (globalThis as { __shopopsStack?: SuiteStack }).__shopopsStack = stack;
}
