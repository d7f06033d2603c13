import { suiteEnv } from './harness-env';
import { SuiteStack, type StackOptions } from './stack';
import { SUITE_ENV } from './suite-env';

export interface OwnSuiteOptions extends Pick<StackOptions, 'services'> {
  /** Extra environment; a function is called when the suite starts, after the spec's earlier beforeAll hooks (a collector's address). */
  readonly env?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
}

/**
 * Runs this spec file against a suite of its own instead of the shared one, for specs that call
 * every mutation (and so change shop-wide settings other specs rely on). Call it at the top of
 * the file: for the file's duration the spec environment points at the private suite. `options`
 * start only some services or change their settings (on top of the shared suite's environment).
 */
export function useOwnSuite(name: string, options: OwnSuiteOptions = {}): () => SuiteStack {
  let stack: SuiteStack | undefined;
  let shared: Record<string, string | undefined> = {};
  beforeAll(async () => {
    const env = typeof options.env === 'function' ? options.env() : options.env;
    stack = await SuiteStack.start({ name, ...(options.services ? { services: options.services } : {}), env: { ...SUITE_ENV, ...env } });
    shared = suiteEnv.publish(stack.specEnvironment());
  }, 300_000);
  afterAll(async () => {
    suiteEnv.restore(shared);
    await stack?.stop();
  }, 120_000);
  return () => {
    if (!stack) throw new Error(`the suite of ${name} has not started`);
    return stack;
  };
}
