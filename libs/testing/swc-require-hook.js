/**
 * `node -r ./libs/testing/swc-require-hook.js some.ts`: runs test-only TypeScript (the probe
 * service a spec kills, the benchmarks) from sources, so the production build never compiles
 * them. Same transform as Jest (.swcrc) and the same aliases as every build (tsconfig.json).
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '..', '..');
const { paths } = require(join(root, 'tsconfig.json')).compilerOptions;

// require.extensions is deprecated in name only; it is what every require hook builds on.
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    swcrc: true,
    sourceMaps: 'inline',
    jsc: { baseUrl: root, paths },
  });
  module._compile(code, filename);
};
