import { BadRequestException, HttpException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { badUserInput, forbidden } from '../graphql/errors';
import { HttpRefusal, httpErrorAnswer } from './http-errors';

describe('httpErrorAnswer', () => {
  it('answers a refusal with its status, reasons and headers', () => {
    expect(httpErrorAnswer(new HttpRefusal(401, 'a bearer token is required', ['no header'], { 'www-authenticate': 'Bearer' }))).toEqual({
      status: 401,
      headers: { 'www-authenticate': 'Bearer' },
      body: { error: 'a bearer token is required', details: ['no header'] },
    });
  });

  it("answers the framework's client errors in our shape, naming their code", () => {
    const unsupported = Object.assign(new Error('Unsupported Media Type: application/xml'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(httpErrorAnswer(unsupported)).toEqual({
      status: 415,
      headers: {},
      body: { error: unsupported.message, details: ['FST_ERR_CTP_INVALID_MEDIA_TYPE'] },
    });
    expect(httpErrorAnswer(new BadRequestException(['id must be a UUID']))).toEqual({
      status: 400,
      headers: {},
      body: { error: 'Bad Request', details: ['id must be a UUID'] },
    });
  });

  it("answers the platform's validation and role refusals on a route as the same 4xx", () => {
    const invalid = badUserInput([{ field: 'id', message: 'id must be a UUID' }]);
    expect(httpErrorAnswer(invalid)).toEqual({ status: 400, headers: {}, body: { error: 'invalid request', details: ['id must be a UUID'] } });
    expect(httpErrorAnswer(forbidden('Role analyst may not use GET /webhook-endpoints'))).toEqual({
      status: 403,
      headers: {},
      body: { error: 'Role analyst may not use GET /webhook-endpoints', details: [] },
    });
    expect(httpErrorAnswer(new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })).status).toBe(500);
  });

  it('keeps a GraphQL-shaped refusal in GraphQL format', () => {
    const limited = { statusCode: 429, errors: [{ message: 'Rate limit exceeded', extensions: { code: 'RATE_LIMITED' } }] };
    expect(httpErrorAnswer(limited)).toEqual({ status: 429, headers: {}, body: { errors: limited.errors } });
  });

  it('hides what went wrong on our side behind a 500', () => {
    expect(httpErrorAnswer(new Error('connection string postgres://secret@db'))).toEqual({
      status: 500,
      headers: {},
      body: { error: 'internal error', details: [] },
    });
    expect(httpErrorAnswer(new HttpException('stack trace here', 502))).toEqual({ status: 500, headers: {}, body: { error: 'internal error', details: [] } });
  });
});
