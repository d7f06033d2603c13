import { QueryFailedError } from 'typeorm';
import { isTransientConflict, retryOnConflict } from './transient-conflict';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
const queryFailed = (code: string) => new QueryFailedError('UPDATE member SET …', [], pgError(code, 'deadlock detected'));

describe('transient conflicts', () => {
  it('knows deadlocks and serialization failures, as TypeORM and pg report them, from other failures', () => {
    expect(isTransientConflict(queryFailed('40P01'))).toBe(true);
    expect(isTransientConflict(pgError('40001', 'could not serialize access'))).toBe(true);
    expect(isTransientConflict(queryFailed('22003'))).toBe(false);
    expect(isTransientConflict(new Error('boom'))).toBe(false);
    expect(isTransientConflict(undefined)).toBe(false);
  });

  it('runs a transaction that lost a deadlock again until it commits', async () => {
    let runs = 0;
    const result = await retryOnConflict(
      async () => {
        runs += 1;
        if (runs < 3) throw queryFailed('40P01');
        return 'committed';
      },
      { retries: 3, baseDelayMs: 1 },
    );
    expect(result).toBe('committed');
    expect(runs).toBe(3);
  });

  it('throws the last conflict once its retries are spent, and any other failure at once', async () => {
    let runs = 0;
    const conflict = retryOnConflict(
      async () => {
        runs += 1;
        throw queryFailed('40001');
      },
      { retries: 2, baseDelayMs: 1 },
    );
    await expect(conflict).rejects.toMatchObject({ driverError: { code: '40001' } });
    expect(runs).toBe(3);
    let otherRuns = 0;
    const other = retryOnConflict(async () => {
      otherRuns += 1;
      throw queryFailed('22003');
    });
    await expect(other).rejects.toBeInstanceOf(QueryFailedError);
    expect(otherRuns).toBe(1);
  });
});
