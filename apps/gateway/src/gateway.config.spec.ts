import { ConfigError, DEV_JWT_SECRET } from '@shopops/platform';
import { developmentWebhookSecret, webhookSecretOf } from '@shopops/contracts';
import { DEFAULT_WEBHOOK_SOURCES, loadGatewayConfig } from './gateway.config';

const ownSecret = (source: string) => webhookSecretOf(Buffer.from(`production-key-of-${source}`));
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-jwt-secret',
  ...Object.fromEntries(DEFAULT_WEBHOOK_SOURCES.map((s) => [`WEBHOOK_SECRET_${s.toUpperCase()}`, ownSecret(s)])),
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('gateway configuration in production', () => {
  it('starts with secrets of its own', () => {
    expect(problemsOf(PRODUCTION)).toEqual([]);
  });

  it('refuses the documented development JWT secret set explicitly', () => {
    expect(problemsOf({ ...PRODUCTION, JWT_SECRET: DEV_JWT_SECRET })).toEqual([
      'JWT_SECRET holds the documented development value; set a secret of your own in production',
    ]);
  });

  it('refuses a documented development webhook secret, alone or beside a rotated one', () => {
    const problems = problemsOf({
      ...PRODUCTION,
      WEBHOOK_SECRET_TAOBAO: developmentWebhookSecret('taobao'),
      WEBHOOK_SECRET_MALL: `${ownSecret('mall')} ${developmentWebhookSecret('douyin')}`,
    });
    expect(problems).toEqual([
      'WEBHOOK_SECRET_TAOBAO holds the documented development value; set a secret of your own in production',
      'WEBHOOK_SECRET_MALL holds the documented development value; set a secret of your own in production',
    ]);
  });

  it('accepts the development webhook secrets outside production', () => {
    expect(problemsOf({ NODE_ENV: 'test', WEBHOOK_SECRET_TAOBAO: developmentWebhookSecret('taobao') })).toEqual([]);
  });
});
