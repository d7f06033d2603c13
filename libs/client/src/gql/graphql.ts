/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type NegativeReviewSupplierGradesQueryVariables = Exact<{ [key: string]: never; }>;


export type NegativeReviewSupplierGradesQuery = { suppliers: Array<{ code: string, grade: string | null, qualityPassRate: number | null }> };

export type NegativeReviewOpenIncidentsQueryVariables = Exact<{ [key: string]: never; }>;


export type NegativeReviewOpenIncidentsQuery = { reviewIncidents: Array<{ scopeKey: string, negativeReviews: number, contactTasks: Array<{ id: string }> }> };

export type NegativeReviewSkuViewQueryVariables = Exact<{
  c: string;
}>;


export type NegativeReviewSkuViewQuery = { sku: { product: { code: string }, reviewHealth: { negative30d: number, topComplaint: string | null, inIncident: boolean }, stock: { onHand: number } } | null };


export const NegativeReviewSupplierGradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewSupplierGrades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"qualityPassRate"}}]}}]}}]} as unknown as DocumentNode<NegativeReviewSupplierGradesQuery, NegativeReviewSupplierGradesQueryVariables>;
export const NegativeReviewOpenIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewOpenIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewIncidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"StringValue","value":"OPEN","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeKey"}},{"kind":"Field","name":{"kind":"Name","value":"negativeReviews"}},{"kind":"Field","name":{"kind":"Name","value":"contactTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NegativeReviewOpenIncidentsQuery, NegativeReviewOpenIncidentsQueryVariables>;
export const NegativeReviewSkuViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewSkuView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"negative30d"}},{"kind":"Field","name":{"kind":"Name","value":"topComplaint"}},{"kind":"Field","name":{"kind":"Name","value":"inIncident"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}}]}}]}}]}}]} as unknown as DocumentNode<NegativeReviewSkuViewQuery, NegativeReviewSkuViewQueryVariables>;