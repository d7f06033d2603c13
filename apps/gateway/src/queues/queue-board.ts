import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { deadLetterQueueName, eventQueueName, SERVICE_NAMES } from '@shopops/contracts';
import { bearerGuard, InvalidTokenError, verifyBearerToken, type QueueRegistry } from '@shopops/platform';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ADMIN_COOKIE, pageToken } from '../auth/browser-session';

const BASE_PATH = '/admin/queues';
function isAdmin(token: string | undefined, secret: string): boolean {
  if (!token) return false;
  try {
    return verifyBearerToken(token, secret).role === 'admin';
  } catch (error) {
    if (error instanceof InvalidTokenError) return false;
    throw error;
  }
}

/**
 * The queue dashboard (bull-board) at /admin/queues: every service's event queue and its dead
 * letters, for admins only. A browser signs in once at /admin/login with an admin token.
 */
export async function mountQueueBoard(fastify: FastifyInstance, queues: QueueRegistry, jwtSecret: string): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(BASE_PATH);
  const names = SERVICE_NAMES.flatMap((service) => [eventQueueName(service), deadLetterQueueName(eventQueueName(service))]);
  createBullBoard({
    queues: names.map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: name.endsWith('-dead') })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'ShopOps queues' } },
  });

  // A browser signs in with a form post, so the token never travels in a URL.
  await fastify.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.get('/admin/login', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>ShopOps queues</title><form method="post" action="/admin/login">' +
            '<label>Admin token <input name="token" type="password" autofocus></label> <button>Sign in</button></form>',
        ),
    );
    scope.post<{ Body: { token?: string } }>('/admin/login', async (request, reply: FastifyReply) => {
      const token = request.body?.token;
      if (!isAdmin(token, jwtSecret)) return reply.code(401).send({ error: 'an admin token is required', details: [] });
      const secure = request.protocol === 'https' ? '; Secure' : '';
      return reply
        .header('set-cookie', `${ADMIN_COOKIE}=${encodeURIComponent(token as string)}; HttpOnly; SameSite=Strict; Path=/admin${secure}`)
        .redirect(BASE_PATH, 303);
    });
  });

  await fastify.register(async (scope) => {
    scope.addHook('onRequest', bearerGuard({ jwtSecret, roles: ['admin'], signIn: 'the queue dashboard is for admins: sign in at /admin/login', forbidden: 'the queue dashboard is for admins', tokenOf: pageToken }));
    await scope.register(serverAdapter.registerPlugin(), { prefix: BASE_PATH });
  });
}
