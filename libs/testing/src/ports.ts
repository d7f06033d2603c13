import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * Below the kernel's ephemeral range (32768–60999 by default): a port the OS hands out for
 * listen(0) is also one it may give an outgoing connection (to PostgreSQL, Redis) before the
 * service binds it, which fails the start with EADDRINUSE. 28000–32767 is left to specs that
 * shift a whole block of ports (`npm start` with PORT_OFFSET: `shiftedPortOffset`).
 */
const FIRST = 20_000;
const LAST = 28_000;

/** A TCP port free on loopback right now, outside the range outgoing connections take theirs from. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = randomInt(FIRST, LAST);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${FIRST} and ${LAST} after 100 tries`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    // All interfaces, as the services bind.
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** A PORT_OFFSET putting `npm start`'s ports (4000–4005) at 28000–32005: below the ephemeral range, apart from `freePort`'s. */
export function shiftedPortOffset(): number {
  return 24_000 + randomInt(0, 3_995);
}
