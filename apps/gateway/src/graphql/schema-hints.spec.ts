import { RequestContext } from '@shopops/platform';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { apolloSuggestionsForStaffOnly, hiveSuggestionsForStaffOnly, withoutSuggestion } from './schema-hints';

const HINTED = 'Cannot query field "prodcts" on type "Query". Did you mean "products" or "product"?';
const caller = (role: 'operator' | 'member' | 'anonymous') => ({ caller: new RequestContext('r-1', { subject: 'x', role }) });

describe('schema hints', () => {
  it('drops the "did you mean" sentence and keeps the rest', () => {
    expect(withoutSuggestion(HINTED)).toBe('Cannot query field "prodcts" on type "Query".');
    expect(
      withoutSuggestion(
        'Variable "$g" got invalid value "PRODUC"; Value "PRODUC" does not exist in "SalesGrouping" enum. Did you mean the enum value "PRODUCT"?',
      ),
    ).toBe('Variable "$g" got invalid value "PRODUC"; Value "PRODUC" does not exist in "SalesGrouping" enum.');
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

  it('strips hints from each Hive response for members and anonymous callers, not for staff, whatever the order', () => {
    const plugin = hiveSuggestionsForStaffOnly<ReturnType<typeof caller>>();
    const validationFailed = { errors: [new GraphQLError(HINTED, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] };
    const answerFor = (role: 'operator' | 'member' | 'anonymous') => {
      let result: ExecutionResult = validationFailed;
      void plugin.onResultProcess?.({ serverContext: caller(role), result, setResult: (processed: ExecutionResult) => (result = processed) } as never);
      return result.errors?.map((error) => [error.message, error.extensions.code]);
    };
    const stripped = [['Cannot query field "prodcts" on type "Query".', 'GRAPHQL_VALIDATION_FAILED']];
    expect(answerFor('anonymous')).toEqual(stripped);
    expect(answerFor('operator')).toEqual([[HINTED, 'GRAPHQL_VALIDATION_FAILED']]);
    expect(answerFor('member')).toEqual(stripped);
    expect(validationFailed.errors[0].message).toBe(HINTED);
  });
});
