import { randomUUID } from 'node:crypto';
import { signBearerToken, DEV_JWT_SECRET } from '@shopops/platform';
import { graphqlRequest, SuiteStack } from '@shopops/testing';

describe('rate limits shared by gateway replicas', () => {
  const stack = SuiteStack.shared();
  const urls: string[] = [];

  beforeAll(async () => {
    const replicas = await Promise.all(
      ['gateway-replica-a', 'gateway-replica-b'].map((id) => stack.startProcess('gateway', { id, role: 'api', env: { RATE_LIMIT_PER_MINUTE: '10' } })),
    );
    urls.push(...replicas.map((replica) => `http://127.0.0.1:${replica.port}`));
  });
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
