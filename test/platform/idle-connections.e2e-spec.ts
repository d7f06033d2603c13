import { eventually, SuiteStack, type RunningProcess } from '@shopops/testing';

/**
 * An idle process holds few database connections: the outbox relay's LISTEN connection and the
 * one pool connection its poll keeps warm. Every connection is named after its process (role
 * worker here, beside the shared suite's `all` processes), so pg_stat_activity tells whose it is.
 */
describe('database connections of an idle process', () => {
  const stack = SuiteStack.shared();
  let worker: RunningProcess;

  beforeAll(async () => {
    worker = await stack.startProcess('catalog', { id: 'catalog-idle-connections', role: 'worker' });
  }, 120_000);
  afterAll(() => stack.stopProcesses(), 60_000);

  const connectionsOf = async (applicationName: string): Promise<number> => {
    const { rows } = await stack
      .db()
      .query<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [applicationName]);
    return Number(rows[0].count);
  };

  it('holds its named LISTEN connection and at most one pool connection once idle', async () => {
    expect(worker.port).toBeGreaterThan(0);
    expect(
      await eventually(
        () => connectionsOf('shopops-catalog-worker-listen'),
        (count) => count === 1,
        { what: 'the named LISTEN connection' },
      ),
    ).toBe(1);
    // Start-up work (migrations checked, schedules registered) is done once the pool is back to its warm connection.
    const pool = await eventually(
      () => connectionsOf('shopops-catalog-worker'),
      (count) => count <= 1,
      { timeoutMs: 30_000, what: 'an idle pool' },
    );
    expect(pool).toBeLessThanOrEqual(1);
  }, 60_000);
});
