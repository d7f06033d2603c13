import type { SuiteStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __shopopsStack?: SuiteStack }).__shopopsStack?.stop();
}
