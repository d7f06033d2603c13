import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { deadLetterQueueName, eventQueueName, SERVICE_NAMES } from '@shopops/contracts';
import { bearerAuthHook, type QueueRegistry } from '@shopops/platform';
import type { FastifyInstance } from 'fastify';
import { pageToken } from '../auth/browser-session';
import { sendRefusal } from '../pages/refusal-page';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The queue dashboard (bull-board) at /admin/queues: every service's event queue and its dead
 * letters, for admins only. It is a Fastify plugin, so the bearer check runs as its hook; a
 * browser signs in once at /admin/login (SignInController).
 */
export async function mountQueueBoard(fastify: FastifyInstance, queues: QueueRegistry, jwtSecret: string): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  const names = SERVICE_NAMES.flatMap((service) => [eventQueueName(service), deadLetterQueueName(eventQueueName(service))]);
  createBullBoard({
    queues: names.map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: name.endsWith('-dead') })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'ShopOps queues' } },
  });
  await fastify.register(async (scope) => {
    scope.addHook(
      'onRequest',
      bearerAuthHook({
        jwtSecret,
        roles: ['admin'],
        signIn: 'the queue dashboard is for admins: sign in at /admin/login',
        forbidden: 'the queue dashboard is for admins',
        tokenOf: pageToken,
        // A browser gets a page linking to the sign-in; scripts keep the JSON answer.
        sendRefusal,
      }),
    );
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
