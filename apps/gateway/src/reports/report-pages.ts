import { IDENTITY_HEADER, InvalidTokenError, signForwardedIdentity, verifyBearerToken, type Identity } from '@shopops/platform';
import type { FastifyInstance } from 'fastify';
import { request } from 'undici';
import { pageToken } from '../auth/browser-session';
import type { GatewayConfig } from '../gateway.config';

const READERS = new Set(['admin', 'analyst', 'operator']);
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Analytics reports as pages a person opens in a browser: /admin/reports/{id} (HTML with charts)
 * and /admin/reports/{id}.csv. Signed in by bearer token, or by the /admin/login cookie.
 */
export async function mountReportPages(fastify: FastifyInstance, config: GatewayConfig, identitySecret: string): Promise<void> {
  fastify.get<{ Params: { file: string } }>('/admin/reports/:file', async (req, reply) => {
    let identity: Identity;
    try {
      const token = pageToken(req);
      if (!token) return reply.code(401).send({ error: 'sign in at /admin/login, or send a bearer token', details: [] });
      identity = verifyBearerToken(token, config.jwtSecret);
    } catch (error) {
      if (error instanceof InvalidTokenError) return reply.code(401).send({ error: error.message, details: [] });
      throw error;
    }
    if (!READERS.has(identity.role)) return reply.code(403).send({ error: 'reports are for analysts, operators and admins', details: [] });
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
