import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { admittedToken, BearerAuth, HttpRefusal, Public } from '@shopops/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageToken } from '../auth/browser-session';
import { BrowserPageErrorFilter } from '../pages/refusal-page';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REPORT_QUERY = 'query ReportPage($id: ID!) { report(id: $id) { html csv } }';

interface Report {
  readonly html: string;
  readonly csv: string;
}

interface GraphQLAnswer {
  readonly data?: { readonly report?: Report | null } | null;
  readonly errors?: ReadonlyArray<{ readonly message?: string; readonly extensions?: { readonly code?: unknown } }>;
  readonly retryAfter?: string;
}

/** HTTP status of a page whose query was refused, by the GraphQL error code of the refusal. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/**
 * Analytics reports as pages a person opens in a browser: /admin/reports/{id} (HTML with charts)
 * and /admin/reports/{id}.csv. Signed in by bearer token, or by the /admin/login cookie.
 * The page asks the gateway's own /graphql as the caller, so authentication, rate limit,
 * operation limits and the report's role check are exactly those of any GraphQL request.
 * A browser sees a refusal as a page linking to the sign-in.
 */
@Controller('admin/reports')
@BearerAuth({ signIn: 'sign in at /admin/login, or send a bearer token', tokenOf: pageToken, verifiedDownstream: true })
@Public()
@UseFilters(BrowserPageErrorFilter)
export class ReportPagesController {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  @Get(':file')
  async reportPage(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const [id, format = 'html'] = file.split('.');
    if (!ID.test(id) || (format !== 'html' && format !== 'csv')) throw new HttpRefusal(404, 'no such report page');
    const answer = await this.askGateway(request, admittedToken(request) as string, id);
    if (answer.errors?.length) throw refusalOf(answer);
    const report = answer.data?.report;
    if (!report) throw new HttpRefusal(404, 'no such report');
    return format === 'csv'
      ? reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="report-${id}.csv"`).send(report.csv)
      : reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(report.html);
  }

  private async askGateway(request: FastifyRequest, token: string, id: string): Promise<GraphQLAnswer> {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const response = await fastify.inject({
      method: 'POST',
      url: '/graphql',
      // The caller's own address and request id, so rate limits and logs see the page's caller.
      remoteAddress: request.ip,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': request.id },
      payload: { query: REPORT_QUERY, variables: { id } },
    });
    const retryAfter = response.headers['retry-after'];
    return { ...parseAnswer(response.body), ...(retryAfter !== undefined ? { retryAfter: String(retryAfter) } : {}) };
  }
}

/** A body that is not GraphQL's JSON shape is the gateway failing, not the caller: it becomes a 502. */
function parseAnswer(body: string): GraphQLAnswer {
  try {
    return JSON.parse(body) as GraphQLAnswer;
  } catch {
    return { errors: [{ message: 'the gateway answered without JSON', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  }
}

/** The query's refusal as the page's, with the codes GraphQL gave it. */
function refusalOf(answer: GraphQLAnswer): HttpRefusal {
  const errors = answer.errors ?? [];
  const codes = errors.map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR'));
  const status = codes.map((code) => STATUS_BY_CODE[code]).find((known) => known !== undefined);
  const details = errors.map((error, i) => ({ code: codes[i], message: error.message ?? '' }));
  const headers: Record<string, string> = answer.retryAfter ? { 'retry-after': answer.retryAfter } : {};
  if (status) return new HttpRefusal(status, details[0].message, details, headers);
  return new HttpRefusal(502, 'the report could not be read', details, headers);
}
