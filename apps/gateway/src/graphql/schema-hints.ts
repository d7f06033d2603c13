import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { RequestContext } from '@shopops/platform';
import { GraphQLError, type ExecutionResult } from 'graphql';

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

/**
 * Strips each response, not the validation result: the Hive runtime caches validation results by
 * document, so a result stripped for one caller would be served to staff asking the same query.
 * Validation errors never arrive as a stream, so streamed results are left as they are.
 */
export function hiveSuggestionsForStaffOnly<T extends CallerContext>(): GatewayPlugin<T> {
  return {
    onResultProcess: (payload) => {
      const { serverContext, result } = payload;
      // The runtime types its server context as its own config; the engine adds the caller to it.
      const { caller } = serverContext as Partial<CallerContext>;
      if (caller?.isStaff || isStream(result)) return;
      payload.setResult(Array.isArray(result) ? result.map(withoutSuggestions) : withoutSuggestions(result));
    },
  };
}

function isStream(result: object): result is AsyncIterable<unknown> {
  return Symbol.asyncIterator in result;
}

function withoutSuggestions<R extends ExecutionResult>(result: R): R {
  if (!result.errors?.some((error) => SUGGESTION.test(error.message))) return result;
  return {
    ...result,
    errors: result.errors.map((error) => (SUGGESTION.test(error.message) ? new GraphQLError(withoutSuggestion(error.message), error) : error)),
  };
}
