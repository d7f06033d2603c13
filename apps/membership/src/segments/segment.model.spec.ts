import { ruleDefinition, storedRule } from './segment.model';

describe('segment rules in GraphQL form', () => {
  it('stores each condition with its one value and gives it back the same way', () => {
    const definition = {
      all: [
        { field: 'r', op: '>=', number: 4 },
        { field: 'tier', op: 'in', texts: ['gold', 'silver'] },
      ],
      any: [
        { field: 'tags', op: 'contains', text: 'at-risk' },
        { field: 'f', op: 'in', numbers: [4, 5] },
      ],
    };
    const stored = storedRule(definition);
    expect(stored).toEqual({
      rule: {
        all: [
          { field: 'r', op: '>=', value: 4 },
          { field: 'tier', op: 'in', value: ['gold', 'silver'] },
        ],
        any: [
          { field: 'tags', op: 'contains', value: 'at-risk' },
          { field: 'f', op: 'in', value: [4, 5] },
        ],
      },
    });
    expect('rule' in stored && ruleDefinition(stored.rule)).toEqual(definition);
  });

  it('refuses a condition with no value or with two', () => {
    expect(storedRule({ all: [{ field: 'r', op: '>=' }] })).toEqual({ problem: 'condition on "r" needs exactly one of number, text, numbers, texts' });
    expect(storedRule({ any: [{ field: 'r', op: '>=', number: 4, text: '4' }] })).toHaveProperty('problem');
  });
});
