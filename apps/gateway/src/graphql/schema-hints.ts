import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RequestContext } from '@shopops/platform';
import { GraphQLError } from 'graphql';

const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** "Did you mean …?" hints spell the schema out; only staff, who may introspect it anyway, see them. */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, '');
}

interface CallerContext {
  readonly caller?: RequestContext;
}

export function apolloSuggestionsForStaffOnly<T extends CallerContext>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.caller?.isStaff) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = withoutSuggestion(error.message);
        },
      };
    },
  };
}

export function hiveSuggestionsForStaffOnly<T extends CallerContext>(): GatewayPlugin<T> {
  return {
    onValidate: ({ context }) =>
      context.caller?.isStaff
        ? undefined
        : ({ result, setResult }) => {
            setResult(result.map((error) => new GraphQLError(withoutSuggestion(error.message), error)));
          },
  };
}
