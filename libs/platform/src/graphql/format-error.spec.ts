import { createRootLogger } from '../logging/logger';
import { formatGraphQLError } from './format-error';

describe('formatGraphQLError', () => {
  beforeAll(() => createRootLogger('format-error-spec', 'silent'));
  const unexpected = { message: 'boom', path: ['sku'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };

  it('tells the client to retry when the database was unreachable', () => {
    const restarting = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(formatGraphQLError(unexpected, { originalError: restarting })).toEqual({
      message: 'Database unavailable; retry in 3 s',
      path: ['sku'],
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 3 },
    });
  });

  it('still hides any other unexpected failure', () => {
    expect(formatGraphQLError(unexpected, { originalError: new TypeError('x is undefined') }).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
