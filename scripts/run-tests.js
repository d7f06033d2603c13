#!/usr/bin/env node
/**
 * `npm test`: every test with one process per service (production's layout), then the
 * cross-service flows (chaos included) and the smoke test again with the whole suite in one
 * process (what `npm start` runs). Prints one closing `N passed, N failed` line over both runs
 * and writes it to TEST_SUMMARY_FILE for CI. Arguments (`npm test -- apps/catalog`) run jest
 * once with them, in the topology SHOPOPS_TOPOLOGY names.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);

const RUNS = args.length
  ? [{ name: 'as asked', topology: process.env.SHOPOPS_TOPOLOGY ?? 'per-service', args }]
  : [
      { name: 'every test, one process per service', topology: 'per-service', args: [] },
      {
        name: 'flows and smoke, every service in one process',
        topology: 'one-process',
        args: ['test/flows/', 'test/platform/smoke.e2e-spec.ts', '--selectProjects', 'e2e'],
      },
    ];

const scratch = mkdtempSync(join(tmpdir(), 'shopops-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const [i, run] of RUNS.entries()) {
  process.stdout.write(`\n=== ${run.name} (SHOPOPS_TOPOLOGY=${run.topology})\n`);
  const summary = join(scratch, `summary-${i}`);
  const result = spawnSync(process.execPath, [jest, ...run.args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SHOPOPS_TOPOLOGY: run.topology, TEST_SUMMARY_FILE: summary },
  });
  let line = '';
  try {
    line = readFileSync(summary, 'utf8');
  } catch {
    line = '0 passed, 1 failed'; // jest died before reporting
  }
  for (const key of Object.keys(totals)) totals[key] += Number(new RegExp(`(\\d+) ${key}`).exec(line)?.[1] ?? 0);
  if (result.status !== 0) status = result.status ?? 1;
}
rmSync(scratch, { recursive: true, force: true });
const closing = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
if (RUNS.length > 1) process.stdout.write(`\nBoth topologies: ${closing}\n`);
if (process.env.TEST_SUMMARY_FILE) writeFileSync(process.env.TEST_SUMMARY_FILE, `${closing}\n`);
if (totals.failed > 0 && status === 0) status = 1;
process.exit(status);
