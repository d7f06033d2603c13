import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '@shopops/testing';
import { buildSchema, parse, validate } from 'graphql';
import { daysSinceWritten, documentedExamples, examplesOf, shiftDates } from './documented-examples';

describe('documented examples', () => {
  it('reads roles, variables, binds and expected refusals from a block and its json neighbour', () => {
    const markdown = [
      '```graphql',
      '# role: operator',
      'query { memberByIdentity(platform: "taobao", platformUserId: "tb_1") { id } }   # $memberId = memberByIdentity.id',
      'mutation($memberId: ID!) { publishProduct(code: "X") { __typename } }  # role: admin',
      '# expect: MediaIncompleteError',
      '# role: warehouse',
      'query { anchorPricePoints }',
      '```',
      '',
      '```json',
      '{ "memberId": "m-1" }',
      '```',
      '```json webhook taobao',
      '{ "type": "order.created" }',
      '```',
    ].join('\n');
    const [first, second, third, webhook] = examplesOf('x.md', markdown);
    expect(first).toMatchObject({
      kind: 'graphql',
      where: 'x.md:3',
      role: 'operator',
      binds: [{ name: 'memberId', path: 'memberByIdentity.id' }],
      expectedErrors: [],
    });
    expect(second).toMatchObject({
      where: 'x.md:4',
      role: 'admin',
      declaredVariables: ['memberId'],
      variables: { memberId: 'm-1' },
      expectedErrors: ['MediaIncompleteError'],
    });
    expect(third).toMatchObject({ where: 'x.md:7', role: 'warehouse' });
    expect(webhook).toMatchObject({ kind: 'webhook', source: 'taobao', body: '{ "type": "order.created" }' });
  });

  it('refuses an example that states no role', () => {
    expect(() => examplesOf('x.md', '```graphql\nquery { anchorPricePoints }\n```\n')).toThrow(/x.md:2: the example states no role/);
  });

  it('moves dates by days and months by the months those days cross', () => {
    expect(daysSinceWritten('2026-12-09')).toBe(7);
    expect(shiftDates('from: "2026-11-30", month: "2026-11", at: "2026-11-11T20:00:00+08:00", code: "GUGONG-2026"', 31)).toBe(
      'from: "2026-12-31", month: "2026-12", at: "2026-12-12T20:00:00+08:00", code: "GUGONG-2026"',
    );
    expect(shiftDates('2026-11-30', 0)).toBe('2026-11-30');
  });

  it('finds a role for every example of the README and docs/, and a value for every variable', () => {
    const examples = documentedExamples(PROJECT_ROOT);
    const bound = new Set<string>();
    const unbound: string[] = [];
    for (const example of examples) {
      if (example.kind !== 'graphql') continue;
      for (const name of example.declaredVariables) if (!(name in example.variables) && !bound.has(name)) unbound.push(`${example.where}: $${name}`);
      for (const { name } of example.binds) bound.add(name);
    }
    expect(unbound).toEqual([]);
    expect(examples.filter((e) => e.kind === 'graphql').length).toBeGreaterThanOrEqual(100);
  });

  it('holds only operations the composed schema accepts', () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'generated', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
    const invalid = documentedExamples(PROJECT_ROOT).flatMap((example) =>
      example.kind === 'graphql' ? validate(schema, parse(example.text)).map((error) => `${example.where}: ${error.message}`) : [],
    );
    expect(invalid).toEqual([]);
  });
});
