import { gatewayUrlFromEnv, tokenFor } from '@shopops/testing';
import request from 'supertest';

describe('queue dashboard (bull-board) behind the admin role', () => {
  const base = () => request(gatewayUrlFromEnv());

  it('refuses anonymous callers and non-admin roles', async () => {
    expect((await base().get('/admin/queues')).status).toBe(401);
    const operator = await base()
      .get('/admin/queues')
      .set('authorization', `Bearer ${tokenFor('operator')}`);
    expect(operator.status).toBe(403);
  });

  it('serves the board and its API to an admin bearer', async () => {
    const page = await base()
      .get('/admin/queues')
      .set('authorization', `Bearer ${tokenFor('admin')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    const api = await base()
      .get('/admin/queues/api/queues')
      .set('authorization', `Bearer ${tokenFor('admin')}`);
    expect(api.status).toBe(200);
    const names = (api.body.queues as Array<{ name: string }>).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['inventory-events', 'inventory-events-dead', 'gateway-events']));
  });

  it('signs a browser in with a form post and a cookie, never a token in the URL', async () => {
    const refused = await base()
      .post('/admin/login')
      .type('form')
      .send({ token: tokenFor('analyst') });
    expect(refused.status).toBe(401);
    const login = await base()
      .post('/admin/login')
      .type('form')
      .send({ token: tokenFor('admin') });
    expect(login.status).toBe(303);
    const cookie = login.headers['set-cookie'][0];
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/admin/);
    const page = await base().get('/admin/queues/api/queues').set('cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
  });
});
