import type { Role } from '@shopops/contracts';
import request from 'supertest';
import {
  BROWSER_ACCEPT,
  devWebhookSecret,
  graphqlRequest,
  postWebhook,
  PROJECT_ROOT,
  signDelivery,
  signInBrowser,
  SuiteStack,
  tokenFor,
  type GraphQLResponse,
} from '@shopops/testing';
import { seedDemoIfEmpty } from '../../scripts/seed-demo';
import { shopDay } from '../../scripts/demo/demo-context';
import { daysSinceWritten, documentedExamples, shiftDates, type GraphqlExample } from './documented-examples';

/** How long an example whose effect travels through queues may take to show (a read, or a refusal that waits on an event). */
const SETTLE_MS = 15_000;

/** What is wrong with an answer, or nothing. */
function problemsOf(example: GraphqlExample, answer: GraphQLResponse): string[] {
  if (answer.errors?.length) return answer.errors.map((e) => `error: ${e.message}`);
  if (!answer.data || Object.keys(answer.data).length === 0) return ['no data'];
  const problems: string[] = [];
  for (const [field, value] of Object.entries(answer.data)) if (value === null) problems.push(`${field} is null`);
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value);
    // An object with no field: a union answer none of the example's fragments selects.
    if (entries.length === 0) problems.push(`${path} answered a type the example selects nothing of`);
    const typename = (value as { __typename?: unknown }).__typename;
    if (typeof typename === 'string' && typename.endsWith('Error') && !example.expectedErrors.includes(typename))
      problems.push(`${path} is ${typename}: ${JSON.stringify(value)}`);
    for (const [key, v] of entries) walk(v, `${path}.${key}`);
  };
  walk(answer.data, 'data');
  return problems;
}

function valueAt(data: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

describe('the examples of the README and docs/', () => {
  let stack: SuiteStack;

  beforeAll(async () => {
    stack = await SuiteStack.start({ name: 'docs-examples' });
    const seeded = await seedDemoIfEmpty(stack.gatewayUrl, (line) => process.stdout.write(`${line}\n`), stack.environment('gateway'));
    expect(seeded).toBe(true);
  }, 1_800_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('run, in order, against the demo shop: every webhook accepted, every operation answered without errors', async () => {
    const examples = documentedExamples(PROJECT_ROOT);
    const days = daysSinceWritten(shopDay(Date.now()));
    const bound: Record<string, unknown> = {};
    const failures: string[] = [];
    let operations = 0;
    let webhooks = 0;
    for (const example of examples) {
      if (example.kind === 'webhook') {
        webhooks++;
        const body = shiftDates(example.body, days);
        const delivery = signDelivery(body, { secret: devWebhookSecret(example.source) });
        const response = await postWebhook(stack.gatewayUrl, example.source, delivery);
        if (response.status !== 202) failures.push(`${example.where}: webhook answered ${response.status} ${response.text}`);
        continue;
      }
      operations++;
      const query = shiftDates(example.text, days);
      const variables: Record<string, unknown> = JSON.parse(shiftDates(JSON.stringify(example.variables), days)) as Record<string, unknown>;
      const unbound = example.declaredVariables.filter((name) => !(name in variables) && !(name in bound));
      if (unbound.length) {
        failures.push(`${example.where}: no value for ${unbound.map((n) => `$${n}`).join(', ')} (no json block gives it, no earlier example binds it)`);
        continue;
      }
      const given = Object.fromEntries(example.declaredVariables.map((name) => [name, name in variables ? variables[name] : bound[name]]));
      const as = example.role === 'anonymous' ? {} : { role: example.role as Role };
      const deadline = Date.now() + SETTLE_MS;
      let answer = await graphqlRequest(stack.gatewayUrl, query, given, as);
      let problems = problemsOf(example, answer);
      // GraphQL errors are final; a null or a refusal may be an event still on its way.
      while (problems.length && !answer.errors?.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        answer = await graphqlRequest(stack.gatewayUrl, query, given, as);
        problems = problemsOf(example, answer);
      }
      if (problems.length) {
        failures.push(`${example.where} (${example.role}): ${problems.join('; ')}\n    ${query.replace(/\s+/g, ' ').slice(0, 160)}`);
        continue;
      }
      for (const { name, path } of example.binds) {
        const value = valueAt(answer.data, path);
        if (value === undefined || value === null) failures.push(`${example.where}: $${name} = ${path} found nothing in ${JSON.stringify(answer.data)}`);
        else bound[name] = value;
      }
    }
    process.stdout.write(`docs examples: ${operations} operations, ${webhooks} webhooks, ${failures.length} failing\n`);
    expect(failures).toEqual([]);
    expect(operations).toBeGreaterThanOrEqual(100);
    expect(webhooks).toBeGreaterThanOrEqual(5);
  }, 1_800_000);

  // docs/analytics.md: an analyst reads reports, by token or after signing a browser in.
  it('lets an analyst sign a browser in and open a report page, as docs/analytics.md says', async () => {
    const analyst = tokenFor('analyst');
    const { data } = await graphqlRequest<{ reports: Array<{ id: string }> }>(
      stack.gatewayUrl,
      `{ reports(kind: "DAILY", first: 1) { id } }`,
      {},
      { role: 'analyst' },
    );
    const [report] = data!.reports;
    const byToken = await request(stack.gatewayUrl).get(`/admin/reports/${report.id}`).set('authorization', `Bearer ${analyst}`);
    expect(byToken.status).toBe(200);
    const { response, cookieFor } = await signInBrowser(stack.gatewayUrl, analyst, `/admin/reports/${report.id}`);
    expect(response.status).toBe(303);
    const page = await request(stack.gatewayUrl).get(`/admin/reports/${report.id}`).set('accept', BROWSER_ACCEPT).set('cookie', cookieFor('/admin')!);
    expect({ status: page.status, type: page.headers['content-type'] }).toEqual({
      status: 200,
      type: expect.stringContaining('text/html') as string,
    });
  });
});
