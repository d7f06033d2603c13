#!/usr/bin/env node
/**
 * `nest build` (type-check, then compile to dist/) unless nothing it reads changed since the last
 * successful build: a restart of `npm start` or a second `npm test` skips the minute of building.
 * What it reads is hashed — every source and config file it covers, and the lockfile — and the
 * hash is stamped in .cache/build.json after a build that succeeded. `--force` always builds.
 */
const { createHash } = require('node:crypto');
const { execSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, '.cache', 'build.json');
const SOURCE_DIRS = ['apps', 'libs', 'scripts', 'test', 'bench'];
const CONFIG_FILES = ['tsconfig.json', 'nest-cli.json', '.swcrc', 'package-lock.json'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return [path];
  });
}

function sourceHash() {
  const hash = createHash('sha256');
  const paths = [...SOURCE_DIRS.flatMap((dir) => files(join(root, dir))), ...CONFIG_FILES.map((file) => join(root, file))].sort();
  for (const path of paths) {
    hash.update(relative(root, path)).update('\0');
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const current = sourceHash();
const built = existsSync(stamp) && existsSync(join(root, 'dist', 'scripts', 'start-suite.js')) ? JSON.parse(readFileSync(stamp, 'utf8')).sources : '';
if (current !== built || process.argv.includes('--force')) {
  // nest build's own output goes to stderr so that `npm run --silent token` prints only the token.
  execSync('npx nest build', { cwd: root, stdio: ['ignore', 2, 2] });
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(stamp, `${JSON.stringify({ sources: current, builtAt: new Date().toISOString() })}\n`);
}
