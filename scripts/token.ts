/**
 * Prints a development bearer token: `npm run --silent token -- --role admin`
 * (`--member <id>` for a member token, `--sub <name>`, `--ttl <seconds>`).
 */
import { isRole, ROLES } from '@shopops/contracts';
import { signBearerToken } from '@shopops/platform';
import { loadJwtSecret } from '../apps/gateway/src/gateway.config';

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

const USAGE = `usage: npm run --silent token -- --role <${ROLES.join('|')}> [--member <id>] [--sub <name>] [--ttl <seconds>]
  Prints a bearer token signed with JWT_SECRET (the development secret when unset).
  --role     the caller's role (member when --member is given)
  --member   a member token for this member id
  --sub      the token's subject (default dev-<role>, or member:<id>)
  --ttl      lifetime in seconds (default 43200, 12 h)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const memberId = argument(args, 'member');
const role = argument(args, 'role') ?? (memberId ? 'member' : undefined);
if (!isRole(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (role === 'member' && !memberId) fail('a member token needs --member <member id>');
const ttl = Number(argument(args, 'ttl') ?? 12 * 3600);
if (!Number.isInteger(ttl) || ttl <= 0) fail('--ttl must be a positive number of seconds');
const sub = argument(args, 'sub') ?? (memberId ? `member:${memberId}` : `dev-${role}`);
const secret = loadJwtSecret(process.env);
process.stdout.write(`${signBearerToken({ sub, role, ...(memberId ? { memberId } : {}) }, secret, ttl)}\n`);
