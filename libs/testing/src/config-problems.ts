import { ConfigError } from '@shopops/platform';

/** The problems a configuration loader reports for an environment (none when it loads). */
export function configProblems(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
