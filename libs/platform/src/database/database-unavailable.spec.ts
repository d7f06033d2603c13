import { isDatabaseUnavailable } from './database-unavailable';

/** Shapes as pg and TypeORM raise them: a driver error with a SQLSTATE, wrapped or not. */
const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['admin shutdown (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['starting up (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', pgError('08006')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['wrapped by TypeORM', Object.assign(new Error('query failed'), { driverError: pgError('57P01') })],
    ['every address refused', Object.assign(new Error(''), { errors: [pgError('ECONNREFUSED'), pgError('ECONNREFUSED')] })],
  ])('is true for %s', (_what, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value')],
    ['a syntax error', Object.assign(new Error('query failed'), { driverError: pgError('42601') })],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['no error at all', undefined],
  ])('is false for %s', (_what, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
