import { RequestContext } from '@shopops/platform';
import { GraphQLError } from 'graphql';
import { apolloSuggestionsForStaffOnly, hiveSuggestionsForStaffOnly, withoutSuggestion } from './schema-hints';

const HINTED = 'Cannot query field "prodcts" on type "Query". Did you mean "products" or "product"?';
const caller = (role: 'operator' | 'member' | 'anonymous') => ({ caller: new RequestContext('r-1', { subject: 'x', role }) });

describe('schema hints', () => {
  it('drops the "did you mean" sentence and keeps the rest', () => {
    expect(withoutSuggestion(HINTED)).toBe('Cannot query field "prodcts" on type "Query".');
    expect(withoutSuggestion('Variable "$g" got invalid value "PRODUC"; Value "PRODUC" does not exist in "SalesGrouping" enum. Did you mean the enum value "PRODUCT"?')).toBe(
      'Variable "$g" got invalid value "PRODUC"; Value "PRODUC" does not exist in "SalesGrouping" enum.',
    );
  });

  it('strips hints from Apollo errors for members and anonymous callers, not for staff', async () => {
    const plugin = apolloSuggestionsForStaffOnly<ReturnType<typeof caller>>();
    const messageFor = async (role: 'operator' | 'member' | 'anonymous') => {
      const error = new GraphQLError(HINTED);
      const listener = await plugin.requestDidStart?.({ contextValue: caller(role) } as never);
      await listener?.didEncounterErrors?.({ errors: [error] } as never);
      return error.message;
    };
    expect(await messageFor('anonymous')).toBe('Cannot query field "prodcts" on type "Query".');
    expect(await messageFor('member')).toBe('Cannot query field "prodcts" on type "Query".');
    expect(await messageFor('operator')).toBe(HINTED);
  });

  it('strips hints from Hive validation results for members and anonymous callers, not for staff', () => {
    const plugin = hiveSuggestionsForStaffOnly<ReturnType<typeof caller>>();
    const messageFor = (role: 'operator' | 'member' | 'anonymous') => {
      let result: readonly GraphQLError[] = [new GraphQLError(HINTED)];
      const after = plugin.onValidate?.({ context: caller(role) } as never);
      if (typeof after === 'function') after({ result, setResult: (errors: readonly GraphQLError[]) => (result = errors) } as never);
      return result[0].message;
    };
    expect(messageFor('anonymous')).toBe('Cannot query field "prodcts" on type "Query".');
    expect(messageFor('operator')).toBe(HINTED);
  });
});
