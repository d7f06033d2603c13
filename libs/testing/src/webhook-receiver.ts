import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/**
 * What the receiver answers on a path: a status, optionally after a delay. `attempt` counts the
 * requests on the path; `body` lets a behaviour single out one event among others fanned out there.
 */
export type Behaviour = (attempt: number, body: string) => { status: number; delayMs?: number };

/** A subscriber on loopback whose answers a test scripts per path (fail, hang, 410, recover). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private server?: Server;

  on(path: string, behaviour: Behaviour): this {
    this.behaviours.set(path, behaviour);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ path, headers: request.headers, body, at: Date.now() });
        const attempt = this.received.filter((r) => r.path === path).length;
        const behaviour: Behaviour = this.behaviours.get(path) ?? (() => ({ status: 200 }));
        const { status, delayMs = 0 } = behaviour(attempt, body);
        setTimeout(() => {
          if (!response.destroyed) response.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`);
        }, delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
