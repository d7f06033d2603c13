import { returnPath, signInHref } from './browser-session';

describe('where a sign-in returns to', () => {
  it('returns to the gateway pages that read the sign-in cookie', () => {
    for (const path of [
      '/graphql',
      '/graphql?query=%7B__typename%7D',
      '/admin/queues',
      '/admin/queues/queue/inventory-events?status=failed',
      '/admin/reports/x',
    ])
      expect(returnPath(path)).toBe(path);
    expect(signInHref('/admin/queues')).toBe('/admin/login?next=%2Fadmin%2Fqueues');
  });

  it('never to another site, another path, or the sign-in itself', () => {
    for (const path of [
      '//evil.example/graphql',
      '/\\evil.example',
      'https://evil.example/graphql',
      '/graphqlx',
      '/admin',
      '/admin/login',
      '/admin/login?next=/graphql',
      '/webhooks/x',
      'graphql',
      '/graphql\n',
      42,
      undefined,
    ])
      expect(returnPath(path)).toBeUndefined();
    expect(returnPath(`/graphql?${'x'.repeat(600)}`)).toBeUndefined();
    expect(signInHref('//evil.example')).toBe('/admin/login');
  });
});
