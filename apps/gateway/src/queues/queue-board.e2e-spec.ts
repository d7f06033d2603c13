import { BROWSER_ACCEPT, gatewayUrlFromEnv, pageReferences, signInBrowser, tokenFor } from '@shopops/testing';
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

  it('signs staff browsers in with a form post and a cookie, never a token in the URL; the board stays for admins', async () => {
    const member = await signInBrowser(gatewayUrlFromEnv(), tokenFor('member', '00000000-0000-4000-8000-000000000001'));
    expect(member.response.status).toBe(401);
    const admin = await signInBrowser(gatewayUrlFromEnv(), tokenFor('admin'));
    expect({ status: admin.response.status, location: admin.response.headers.location }).toEqual({ status: 303, location: '/admin/queues' });
    expect(admin.response.headers['set-cookie']).toContainEqual(expect.stringMatching(/HttpOnly; SameSite=Strict; Path=\/admin$/));
    expect(
      (
        await base()
          .get('/admin/queues/api/queues')
          .set('cookie', String(admin.cookieFor('/admin')))
      ).status,
    ).toBe(200);
    // An analyst signs in (for the IDE and reports) and goes to the IDE, but the board refuses the role.
    const analyst = await signInBrowser(gatewayUrlFromEnv(), tokenFor('analyst'));
    expect({ status: analyst.response.status, location: analyst.response.headers.location }).toEqual({ status: 303, location: '/graphql' });
    expect(
      (
        await base()
          .get('/admin/queues/api/queues')
          .set('cookie', String(analyst.cookieFor('/admin')))
      ).status,
    ).toBe(403);
  });

  it('shows a browser without a sign-in a page in the sign-in’s look that links to the sign-in and back', async () => {
    const refused = await base().get('/admin/queues').set('accept', BROWSER_ACCEPT);
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.text).toContain('href="/admin/login?next=%2Fadmin%2Fqueues"');
    const signIn = await base().get('/admin/login?next=%2Fadmin%2Fqueues').set('accept', BROWSER_ACCEPT);
    expect(signIn.status).toBe(200);
    expect(signIn.text).toContain('<input type="hidden" name="next" value="/admin/queues">');
    // One look: both pages load the same stylesheet, and only it.
    const stylesheets = (html: string) => pageReferences(html).filter((reference) => reference.tag === 'link' && !reference.url.startsWith('data:'));
    expect(stylesheets(refused.text)).toEqual(stylesheets(signIn.text));
    const [stylesheet] = stylesheets(signIn.text);
    const css = await base().get(stylesheet.url);
    expect({ status: css.status, type: css.headers['content-type'] }).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
    // A script or an API client keeps the JSON answer.
    const json = await base().get('/admin/queues');
    expect({ status: json.status, type: json.headers['content-type'] }).toEqual({ status: 401, type: 'application/json; charset=utf-8' });
    // A sign-in never sends a browser off the gateway.
    expect((await base().get('/admin/login?next=%2F%2Fevil.example%2Fgraphql')).text).not.toContain('name="next"');
  });
});
