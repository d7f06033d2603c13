import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageToken } from '../auth/browser-session';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPORT_QUERY = 'query ReportPage($id: ID!) { report(id: $id) { html csv } }';

interface Report {
  readonly html: string;
  readonly csv: string;
}

interface GraphQLAnswer {
  readonly data?: { readonly report?: Report | null } | null;
  readonly errors?: ReadonlyArray<{ readonly message?: string; readonly extensions?: { readonly code?: unknown } }>;
}

/** HTTP status of a page whose query was refused, by the GraphQL error code of the refusal. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/**
 * Analytics reports as pages a person opens in a browser: /admin/reports/{id} (HTML with charts)
 * and /admin/reports/{id}.csv. Signed in by bearer token, or by the /admin/login cookie.
 * The page asks the gateway's own /graphql as the caller, so authentication, rate limit,
 * operation limits and the report's role check are exactly those of any GraphQL request.
 */
export async function mountReportPages(fastify: FastifyInstance): Promise<void> {
  fastify.get<{ Params: { file: string } }>('/admin/reports/:file', async (req, reply) => {
    const token = pageToken(req);
    if (!token) return reply.code(401).send({ error: 'sign in at /admin/login, or send a bearer token', details: [] });
    const [id, format = 'html'] = req.params.file.split('.');
    if (!ID.test(id) || (format !== 'html' && format !== 'csv')) return reply.code(404).send({ error: 'no such report page', details: [] });
    const answer = await askGateway(fastify, req, token, id);
    if (answer.errors?.length) return sendRefusal(reply, answer);
    const report = answer.data?.report;
    if (!report) return reply.code(404).send({ error: 'no such report', details: [] });
    return format === 'csv'
      ? reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="report-${id}.csv"`).send(report.csv)
      : reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(report.html);
  });
}

async function askGateway(fastify: FastifyInstance, req: FastifyRequest, token: string, id: string): Promise<GraphQLAnswer & { retryAfter?: string }> {
  const response = await fastify.inject({
    method: 'POST',
    url: '/graphql',
    // The caller's own address and request id, so rate limits and logs see the page's caller.
    remoteAddress: req.ip,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': req.id },
    payload: { query: REPORT_QUERY, variables: { id } },
  });
  const retryAfter = response.headers['retry-after'];
  return { ...parseAnswer(response.body), ...(retryAfter !== undefined ? { retryAfter: String(retryAfter) } : {}) };
}

/** A body that is not GraphQL's JSON shape is the gateway failing, not the caller: it becomes a 502. */
function parseAnswer(body: string): GraphQLAnswer {
  try {
    return JSON.parse(body) as GraphQLAnswer;
  } catch {
    return { errors: [{ message: 'the gateway answered without JSON', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  }
}

function sendRefusal(reply: FastifyReply, answer: GraphQLAnswer & { retryAfter?: string }): FastifyReply {
  const errors = answer.errors ?? [];
  const codes = errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR'));
  const status = codes.map((code) => STATUS_BY_CODE[code]).find((known) => known !== undefined);
  const details = errors.map((error, i) => ({ code: codes[i], message: error.message ?? '' }));
  if (answer.retryAfter) reply.header('retry-after', answer.retryAfter);
  if (status) return reply.code(status).send({ error: details[0].message, details });
  return reply.code(502).send({ error: 'the report could not be read', details });
}
