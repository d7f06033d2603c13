import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

/**
 * Configuration is read once, validated, at start (runService hands the environment to the
 * service's configuration); code takes the typed config it needs. Only these files may touch
 * `process.env`: the test harness's one reader, and that hand-over.
 */
const MAY_READ_THE_ENVIRONMENT = new Set(['libs/testing/src/harness-env.ts', 'libs/platform/src/http/run-service.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('environment reads', () => {
  it('nothing in apps/ or libs/ reads process.env outside the validated configuration', () => {
    const readers = ['apps', 'libs']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter((file) => !MAY_READ_THE_ENVIRONMENT.has(file))
      .filter((file) => /\bprocess\s*\.\s*env\b|\bprocess\s*\[\s*['"]env['"]\s*\]/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});
