/**
 * `npm run bench -- <name> [--seconds N]`: runs bench/<name>.bench against its baseline in the
 * same run and prints one JSON line on stdout (progress goes to stderr).
 */
import 'reflect-metadata';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatReport, type Benchmark } from './lib/report';

function available(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const file = name ? join(__dirname, `${name}.bench.ts`) : '';
  if (!name || !existsSync(file)) {
    process.stderr.write(`usage: npm run bench -- <name> [--seconds N]\navailable: ${available().join(', ')}\n`);
    process.exit(2);
  }
  const secondsIndex = args.indexOf('--seconds');
  const seconds = secondsIndex >= 0 ? Number(args[secondsIndex + 1]) : 10;
  const bench = (await import(file)) as { run: Benchmark };
  const report = await bench.run({ seconds, args });
  process.stdout.write(`${formatReport(report)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
