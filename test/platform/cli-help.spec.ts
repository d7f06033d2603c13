import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** A script of scripts/ run from its source, as `npm run <name> --` runs its build. */
function run(script: string, ...args: string[]) {
  // No Redis, database or secret is needed to ask for help: point them nowhere.
  const env = { ...process.env, REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
  return spawnSync(process.execPath, ['-r', './libs/testing/swc-require-hook.js', join('scripts', `${script}.ts`), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('command-line help', () => {
  it.each([
    ['token', '--help', /^usage: npm run --silent token -- --role </],
    ['ops', '--help', /^usage: npm run ops -- <command>/],
    ['ops', 'help', /^usage: npm run ops -- <command>/],
  ])('%s %s prints its usage on stdout and exits 0', (script, flag, usage) => {
    const result = run(script, flag);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(usage);
  });

  it('ops names every command it has in its usage, and refuses an unknown one with it (exit 2)', () => {
    const help = run('ops', '--help').stdout;
    for (const command of ['queues', 'dead-letters', 'retry', 'drain', 'resume', 'reconcile']) expect(help).toContain(`  ${command}`);
    const unknown = run('ops', 'frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stderr).toContain('usage: npm run ops');
  });
});
