import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print } from 'graphql';

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Record<string, unknown>;
}

/** The gateway answered with GraphQL errors, without data, or not with GraphQL at all. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    /** The HTTP status of the answer. */
    readonly status: number,
    /** The answer's `errors`; empty when it had none (no data, or not JSON). */
    readonly errors: readonly GraphQLErrorEntry[],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** Sent with every request; a function is called per request (a token that is renewed). */
  readonly headers?: Record<string, string> | (() => Record<string, string>);
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/** Variables may be left out only when the operation has no required ones. */
export type VariablesArgument<TVariables> = Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

export interface Client {
  /** Runs one operation: its typed `data`, or a GraphQLRequestError with the answer's errors. */
  request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...variables: VariablesArgument<TVariables>): Promise<TResult>;
}

export function createClient(options: ClientOptions): Client {
  const send = options.fetch ?? fetch;
  // A document is printed once, not on every request.
  const printed = new WeakMap<object, string>();
  const queryOf = (document: TypedDocumentNode<unknown, unknown>): string => {
    let query = printed.get(document);
    if (query === undefined) {
      query = print(document);
      printed.set(document, query);
    }
    return query;
  };
  return {
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, ...[variables]: VariablesArgument<TVariables>): Promise<TResult> {
      const operation = getOperationAST(document)?.name?.value ?? 'anonymous operation';
      const headers = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
      const response = await send(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query: queryOf(document as TypedDocumentNode<unknown, unknown>), variables: variables ?? {} }),
      });
      const text = await response.text();
      let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new GraphQLRequestError(`${operation}: HTTP ${response.status}, not a GraphQL answer: ${text.slice(0, 500)}`, response.status, []);
      }
      const errors = body.errors ?? [];
      if (errors.length > 0 || body.data == null) {
        const reasons = errors.length > 0 ? errors.map((e) => e.message).join('; ') : 'no data';
        throw new GraphQLRequestError(`${operation}: HTTP ${response.status}: ${reasons}`, response.status, errors);
      }
      return body.data;
    },
  };
}
