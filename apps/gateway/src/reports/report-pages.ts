import type { Role } from '@shopops/contracts';
import { bearerGuard, HttpRefusal, IDENTITY_HEADER, requestContextOf, signForwardedIdentity } from '@shopops/platform';
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';
import { pageToken } from '../auth/browser-session';
import type { GatewayConfig } from '../gateway.config';

const READERS: readonly Role[] = ['admin', 'analyst', 'operator'];
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Analytics reports as pages a person opens in a browser: /admin/reports/{id} (HTML with charts)
 * and /admin/reports/{id}.csv. Signed in by bearer token, or by the /admin/login cookie.
 */
export async function mountReportPages(fastify: FastifyInstance, config: GatewayConfig, identitySecret: string): Promise<void> {
  const signedIn = bearerGuard({ jwtSecret: config.jwtSecret, roles: READERS, signIn: 'sign in at /admin/login, or send a bearer token', forbidden: 'reports are for analysts, operators and admins', tokenOf: pageToken });
  fastify.get<{ Params: { file: string } }>('/admin/reports/:file', { onRequest: signedIn }, async (req, reply) => {
    const identity = requestContextOf(req)?.identity;
    if (!identity) throw new HttpRefusal(401, 'not signed in');
    const [id, format = 'html'] = req.params.file.split('.');
    if (!ID.test(id) || (format !== 'html' && format !== 'csv')) return reply.code(404).send({ error: 'no such report page', details: [] });
    const answer = await request(config.subgraphUrls.analytics, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signForwardedIdentity(identity, identitySecret) },
      body: JSON.stringify({ query: `query($id: ID!) { report(id: $id) { html csv } }`, variables: { id } }),
    });
    const body = (await answer.body.json()) as { data?: { report: { html: string; csv: string } | null }; errors?: unknown[] };
    if (!body.data?.report) return reply.code(body.errors ? 502 : 404).send({ error: body.errors ? 'analytics did not answer' : 'no such report', details: [] });
    return format === 'csv'
      ? reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="report-${id}.csv"`).send(body.data.report.csv)
      : reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(body.data.report.html);
  });
}
