import { DEV_JWT_SECRET } from '../auth/bearer-token';
import { ConfigError, readEnvironment, SecretVariable } from './environment-schema';
import { DEV_IDENTITY_SECRET, loadPlatformConfig } from './platform-config';

const PRODUCTION = { NODE_ENV: 'production', GATEWAY_IDENTITY_SECRET: 'a-production-identity-secret', METRICS_TOKEN: 'a-production-metrics-token' };

function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('platform configuration in production', () => {
  it('refuses the documented development identity secret even when it is set explicitly', () => {
    const problems = problemsOf(() => loadPlatformConfig('catalog', { ...PRODUCTION, GATEWAY_IDENTITY_SECRET: DEV_IDENTITY_SECRET }, []));
    expect(problems).toEqual(['GATEWAY_IDENTITY_SECRET holds the documented development value; set a secret of your own in production']);
  });

  it('requires a metrics token', () => {
    const { METRICS_TOKEN: _token, ...withoutToken } = PRODUCTION;
    expect(problemsOf(() => loadPlatformConfig('catalog', withoutToken, []))).toEqual([
      'METRICS_TOKEN must be set in production: /metrics answers only with it',
    ]);
  });

  it('starts with secrets of its own', () => {
    expect(loadPlatformConfig('catalog', PRODUCTION, []).metricsToken).toBe('a-production-metrics-token');
  });

  it('keeps the development defaults outside production, with /metrics open', () => {
    const config = loadPlatformConfig('catalog', { NODE_ENV: 'development', GATEWAY_IDENTITY_SECRET: DEV_IDENTITY_SECRET }, []);
    expect(config.identitySecret).toBe(DEV_IDENTITY_SECRET);
    expect(config.metricsToken).toBeUndefined();
  });

  it('refuses any secret read with its development default', () => {
    class SecretEnvironment {
      @SecretVariable(DEV_JWT_SECRET) JWT_SECRET = DEV_JWT_SECRET;
    }
    const { problems } = readEnvironment(SecretEnvironment, { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET });
    expect(problems).toEqual(['JWT_SECRET holds the documented development value; set a secret of your own in production']);
  });
});
