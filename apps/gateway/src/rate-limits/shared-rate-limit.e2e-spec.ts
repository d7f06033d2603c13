import { randomUUID } from 'node:crypto';
import { signBearerToken, DEV_JWT_SECRET } from '@shopops/platform';
import { graphqlRequest, SuiteStack } from '@shopops/testing';

/** Extra gateways start while the shared suite is busy; a loaded machine needs patience. */
const START_PATIENCE_MS = 120_000;

describe('rate limits shared by gateway replicas', () => {
  const stack = SuiteStack.shared();
  const urls: string[] = [];

  beforeAll(async () => {
    for (const id of ['gateway-replica-a', 'gateway-replica-b']) {
      const replica = await stack.startProcess('gateway', { id, role: 'api', env: { RATE_LIMIT_PER_MINUTE: '10' }, readyTimeoutMs: START_PATIENCE_MS });
      urls.push(`http://127.0.0.1:${replica.port}`);
    }
  }, 3 * START_PATIENCE_MS);
  afterAll(() => stack.stopProcesses());

  it('lets one caller make the limit once across two replicas, not once per replica', async () => {
    const token = signBearerToken({ sub: `rate-${randomUUID()}`, role: 'analyst' }, process.env.JWT_SECRET || DEV_JWT_SECRET, 600);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      for (const url of urls) statuses.push((await graphqlRequest(url, '{ __typename }', {}, { token })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
  });
});
