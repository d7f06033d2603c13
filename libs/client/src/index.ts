export { graphql } from './gql';
export type * from './gql/graphql';
export * from './request';
