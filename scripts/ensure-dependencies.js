#!/usr/bin/env node
/**
 * Installs dependencies when they are missing or older than package-lock.json, so `npm start`
 * and `npm test` work on a fresh clone without a separate `npm ci` first. The lockfile's hash
 * is stamped into node_modules after a successful install; a different hash means stale.
 */
const { createHash } = require('node:crypto');
const { execSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'node_modules', '.shopops-lock-hash');
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';

if (installed !== lockHash) {
  console.error(existsSync(join(root, 'node_modules')) ? '[shopops] dependencies are stale: npm ci' : '[shopops] installing dependencies: npm ci');
  // npm's output goes to stderr: `npm run --silent token` prints only the token on stdout.
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: ['ignore', 2, 2] });
  writeFileSync(stamp, `${lockHash}\n`);
}
