import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const IMPORT = /\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Where each relative import of a file points, as a path from the repository root. */
function importedPaths(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)));
}

function importsOutside(libraryDir: string, allowed: (target: string) => boolean, include: (file: string) => boolean = () => true): string[] {
  return sourceFiles(join(ROOT, libraryDir))
    .filter(include)
    .flatMap((file) =>
      importedPaths(file)
        .filter((target) => !allowed(target))
        .map((target) => `${relative(ROOT, file)} -> ${target}`),
    );
}

describe('library layering', () => {
  it('no library reaches into scripts/: scripts are CLI wrappers around library code', () => {
    expect(importsOutside('libs', (target) => !target.startsWith('scripts'))).toEqual([]);
  });

  it('the platform and the contracts depend on no app and no test harness (their own specs aside)', () => {
    const withinCore = (target: string): boolean => target.startsWith('libs/platform') || target.startsWith('libs/contracts');
    const notSpec = (file: string): boolean => !/\.(e2e-)?spec\.ts$/.test(file);
    expect([...importsOutside('libs/platform', withinCore, notSpec), ...importsOutside('libs/contracts', withinCore, notSpec)]).toEqual([]);
  });
});
