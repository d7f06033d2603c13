/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AdSpendInput = {
  campaign?: string;
  day: string;
  /** paid_search, feed, display, affiliate, kol, live */
  source: string;
  spendFen: number;
};

/** RETURN 退货退款, REFUND_ONLY 仅退款, EXCHANGE 换货 */
export type AfterSalesKind =
  | 'EXCHANGE'
  | 'REFUND_ONLY'
  | 'RETURN';

export type AfterSalesReason =
  | 'CHANGED_MIND'
  | 'LOGISTICS'
  | 'NOT_AS_DESCRIBED'
  | 'QUALITY'
  | 'SIZE';

export type BudgetPlanInput = {
  budgetFen: number;
  /** Empty for the whole source */
  campaign?: string;
  gmvTargetFen?: number | null | undefined;
  /** YYYY-MM */
  month: string;
  ordersTarget?: number | null | undefined;
  /** paid_search, feed, display, affiliate, kol, live */
  source: string;
};

export type CaseActionInput = {
  /** approve, reject, book-pickup, receive, refund, reship, cancel */
  action: string;
  caseId: string | number;
  /** receive: the warehouse the goods came back to; reship: the one the replacement leaves from */
  locationCode?: string | null | undefined;
  note?: string | null | undefined;
  /** book-pickup: where */
  pickupAddress?: string | null | undefined;
  /** book-pickup: when (ISO 8601) */
  pickupAt?: string | null | undefined;
};

export type CollectionInput = {
  code: string;
  endsAt?: string | null | undefined;
  kind: CollectionKind;
  limitedRun?: number | null | undefined;
  name: string;
  partner?: string | null | undefined;
  regionCodes?: Array<string> | null | undefined;
  startsAt?: string | null | undefined;
  theme?: string | null | undefined;
};

/** IP 联名, museum and brand co-brands, regional editions, seasonal themes */
export type CollectionKind =
  | 'CO_BRAND'
  | 'IP_COLLABORATION'
  | 'REGIONAL'
  | 'SEASONAL';

/** OPEN (waiting on us), PENDING (waiting on the buyer), SNOOZED, RESOLVED, CLOSED */
export type ConversationStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'PENDING'
  | 'RESOLVED'
  | 'SNOOZED';

export type CreateProductInput = {
  brand?: string | null | undefined;
  brandStory?: string | null | undefined;
  carbonFootprintGrams?: number | null | undefined;
  care?: string | null | undefined;
  categoryCode?: string | null | undefined;
  code: string;
  designerNotes?: string | null | undefined;
  keywords?: Array<string> | null | undefined;
  materials?: Array<MaterialInput> | null | undefined;
  portfolioRole?: PortfolioRole | null | undefined;
  skus: Array<CreateSkuInput>;
  subtitle?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  title: string;
};

export type CreateSkuInput = {
  barcode?: string | null | undefined;
  code: string;
  /** List price in fen; 0 or more */
  listPriceFen: number;
  options?: Array<SkuOptionInput> | null | undefined;
  weightGrams?: number | null | undefined;
};

export type ExperimentInput = {
  /** Expected control conversion rate, e.g. 0.03 */
  baselineRate: number;
  key: string;
  /** The event that counts as a conversion (default payment) */
  metric: string;
  /** Smallest absolute lift worth detecting, e.g. 0.005 */
  minimumDetectableEffect: number;
  name: string;
  /** The first is the control */
  variants: Array<VariantInput>;
};

export type LinkSkuSupplierInput = {
  backupOrder?: number;
  leadTimeDays: number;
  moq: number;
  skuCode: string;
  supplierCode: string;
  unitCostFen: number;
};

export type MaterialInput = {
  certification?: string | null | undefined;
  name: string;
  sharePercent: number;
};

export type MemberProfileInput = {
  address?: string | null | undefined;
  /** YYYY-MM-DD */
  birthday?: string | null | undefined;
  memberId: string | number;
  nickname?: string | null | undefined;
  phone?: string | null | undefined;
};

export type OpenCaseInput = {
  /** Money asked back (fen); 0 for an exchange */
  amountFen: number;
  channel: string;
  conversationId?: string | number | null | undefined;
  kind: AfterSalesKind;
  orderId: string;
  quantity: number;
  reason: string;
  reasonCategory: AfterSalesReason;
  skuCode: string;
};

export type OpenDisputeInput = {
  amountFen: number;
  caseId?: string | number | null | undefined;
  channel: string;
  /** NOT_RECEIVED, LOST_IN_TRANSIT, DAMAGED_IN_TRANSIT, QUALITY, NOT_AS_DESCRIBED, OTHER */
  claim: string;
  /** Several issues, a third party involved, legal threats… */
  complex?: boolean | null | undefined;
  /** Photo or video URLs */
  evidence?: Array<string> | null | undefined;
  orderId: string;
};

export type OrderKeyInput = {
  channel: string;
  orderId: string;
};

export type PointsChangeInput = {
  /** Repeat the same key to retry safely */
  idempotencyKey: string;
  memberId: string | number;
  points: number;
  reason: string;
};

/** 爆款引流 traffic driver, core, potential, test, clearance, long-tail */
export type PortfolioRole =
  | 'CLEARANCE'
  | 'CORE'
  | 'LONG_TAIL'
  | 'POTENTIAL'
  | 'TEST'
  | 'TRAFFIC_DRIVER';

export type PromotionInput = {
  code: string;
  endsAt: string;
  kind: PromotionKind;
  /** MULTI_BUY: items needed */
  minQuantity?: number | null | undefined;
  name: string;
  /** …get this off (fen) */
  offFen?: number | null | undefined;
  /** FLASH_SALE: units one buyer may buy at the flash price */
  perBuyerLimit?: number | null | undefined;
  /** FLASH_SALE, MULTI_BUY: percent off */
  percentOff?: number | null | undefined;
  /** FLASH_SALE: units in total at the flash price */
  quantityCap?: number | null | undefined;
  /** SPEND_AND_SAVE: once per threshold (每满) rather than once */
  repeatable?: boolean | null | undefined;
  skuCodes: Array<string>;
  /** ISO 8601 with offset */
  startsAt: string;
  /** SPEND_AND_SAVE: spend this (fen)… */
  thresholdFen?: number | null | undefined;
  /** The "was" price to show; checked against the lowest price of the days before the start (CATALOG_PRICE_HONESTY_DAYS) */
  wasPriceFen?: number | null | undefined;
};

/** FLASH_SALE 秒杀, MULTI_BUY 多件折扣, SPEND_AND_SAVE 满减 */
export type PromotionKind =
  | 'FLASH_SALE'
  | 'MULTI_BUY'
  | 'SPEND_AND_SAVE';

export type ReceiveLineInput = {
  quantity: number;
  skuCode: string;
};

export type ReceivePurchaseOrderInput = {
  lines: Array<ReceiveLineInput>;
  purchaseOrderId: string | number;
};

export type ReceiveStockInput = {
  locationCode: string;
  /** Units received; at least 1 */
  quantity: number;
  reason?: string | null | undefined;
  skuCode: string;
};

export type ReserveLineInput = {
  quantity: number;
  skuCode: string;
};

export type ReserveStockInput = {
  buyerId?: string | null | undefined;
  /** Sales channel; own-mall orders use "mall" */
  channel?: string;
  lines: Array<ReserveLineInput>;
  orderId: string;
  /** 6-digit region code of the delivery address, for routing */
  region?: string | null | undefined;
};

export type SetStockPolicyInput = {
  locationCode: string;
  reorderPoint: number;
  safetyStock: number;
  skuCode: string;
};

export type SkuOptionInput = {
  name: string;
  value: string;
};

export type UpsertSupplierInput = {
  code: string;
  contact?: string | null | undefined;
  /** CORE or FLEXIBLE */
  kind: string;
  name: string;
};

export type VariantInput = {
  name: string;
  /** Share of traffic (relative) */
  weight: number;
};

export type DemoCreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type DemoCreateProductMutation = { createProduct:
    | { __typename: 'DuplicateCodeError' }
    | { __typename: 'Product' }
   };

export type DemoWeeklyKpisQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type DemoWeeklyKpisQuery = { shopKpis: Array<{ orders: number, productViews: number }> };

export type DemoGenerateReportMutationVariables = Exact<{
  kind: string;
  from: string;
  to: string;
}>;


export type DemoGenerateReportMutation = { generateReport: { id: string } };

export type DemoDetectAnomaliesMutationVariables = Exact<{
  hour: string;
}>;


export type DemoDetectAnomaliesMutation = { detectAnomalies: Array<{ metric: string, dimension: string }> };

export type DemoFirstProductQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoFirstProductQuery = { products: { nodes: Array<{ id: string }> } };

export type DemoReceiveStockMutationVariables = Exact<{
  input: ReceiveStockInput;
}>;


export type DemoReceiveStockMutation = { receiveStock:
    | { __typename: 'NotFoundError' }
    | { __typename: 'StockLevel' }
   };

export type DemoImportAdSpendMutationVariables = Exact<{
  rows: Array<AdSpendInput> | AdSpendInput;
}>;


export type DemoImportAdSpendMutation = { importAdSpend: number };

export type DemoSetBudgetPlanMutationVariables = Exact<{
  input: BudgetPlanInput;
}>;


export type DemoSetBudgetPlanMutation = { setBudgetPlan: { budgetFen: number | null } };

export type DemoDefineExperimentMutationVariables = Exact<{
  input: ExperimentInput;
}>;


export type DemoDefineExperimentMutation = { defineExperiment: { plannedUnitsPerVariant: number } };

export type DemoCreatePromotionMutationVariables = Exact<{
  input: PromotionInput;
}>;


export type DemoCreatePromotionMutation = { createPromotion:
    | { __typename: 'NotFoundError' }
    | { __typename: 'PriceHonestyError', skuCode: string, wasPriceFen: number, lowestPriceFen: number }
    | { __typename: 'Promotion' }
    | { __typename: 'PromotionConflictError', message: string }
   };

export type DemoConversationsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoConversationsQuery = { conversations: Array<{ id: string, status: ConversationStatus }> };

export type DemoResolveConversationMutationVariables = Exact<{
  id: string | number;
}>;


export type DemoResolveConversationMutation = { setConversationStatus:
    | { __typename: 'Conversation' }
    | { __typename: 'IllegalStatusChangeError', message: string }
    | { __typename: 'NotFoundError', message: string }
   };

export type DemoOpenReturnMutationVariables = Exact<{
  input: OpenCaseInput;
}>;


export type DemoOpenReturnMutation = { openAfterSalesCase:
    | { __typename: 'AfterSalesCase' }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'OrderNotShippedError', message: string }
    | { __typename: 'RefundExceedsOrderError', message: string }
   };

export type DemoTaobaoMemberQueryVariables = Exact<{
  id: string;
}>;


export type DemoTaobaoMemberQuery = { memberByIdentity: { id: string } | null };

export type DemoGrantPointsMutationVariables = Exact<{
  input: PointsChangeInput;
}>;


export type DemoGrantPointsMutation = { grantPoints:
    | { __typename: 'NotFoundError' }
    | { __typename: 'PointsBalance' }
   };

export type DemoLockGoldMutationVariables = Exact<{
  id: string | number;
}>;


export type DemoLockGoldMutation = { lockLifetimeTier: boolean };

export type DemoGoldPicksQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoGoldPicksQuery = { picksForTier: Array<{ skuCode: string }> };

export type AfterSalesOpenCaseMutationVariables = Exact<{
  i: OpenCaseInput;
}>;


export type AfterSalesOpenCaseMutation = { openAfterSalesCase:
    | { __typename: 'AfterSalesCase', id: string, status: string }
    | { __typename: 'NotFoundError', errorCode: string, message: string }
    | { __typename: 'OrderNotShippedError', errorCode: string, message: string }
    | { __typename: 'RefundExceedsOrderError', errorCode: string, message: string }
   };

export type AfterSalesActOnCaseMutationVariables = Exact<{
  i: CaseActionInput;
}>;


export type AfterSalesActOnCaseMutation = { actOnAfterSalesCase:
    | { __typename: 'AfterSalesCase', status: string }
    | { __typename: 'IllegalCaseActionError', status: string }
    | { __typename: 'NotFoundError' }
   };

export type AfterSalesOpenDisputeMutationVariables = Exact<{
  i: OpenDisputeInput;
}>;


export type AfterSalesOpenDisputeMutation = { openDispute:
    | { __typename: 'Dispute', id: string, decision: string | null, ruleFired: string | null, compensationFen: number }
    | { __typename: 'NotFoundError' }
   };

export type BuyerPrivacyMemberContactQueryVariables = Exact<{
  id: string | number;
}>;


export type BuyerPrivacyMemberContactQuery = { member: { nickname: string | null, phone: string | null } | null };

type BuyerPrivacyErasureReceipt_ErasureReceipt_Fragment = { __typename: 'ErasureReceipt', requestId: string, notified: Array<string>, complete: boolean, confirmations: Array<{ service: string, status: string }> };

type BuyerPrivacyErasureReceipt_NotFoundError_Fragment = { __typename: 'NotFoundError' };

export type BuyerPrivacyErasureReceiptFragment =
  | BuyerPrivacyErasureReceipt_ErasureReceipt_Fragment
  | BuyerPrivacyErasureReceipt_NotFoundError_Fragment
;

export type BuyerPrivacyEraseMemberMutationVariables = Exact<{
  id: string | number;
}>;


export type BuyerPrivacyEraseMemberMutation = { eraseMember:
    | { __typename: 'ErasureReceipt', requestId: string, notified: Array<string>, complete: boolean, confirmations: Array<{ service: string, status: string }> }
    | { __typename: 'NotFoundError' }
   };

export type BuyerPrivacyErasureReceiptQueryVariables = Exact<{
  r: string | number;
}>;


export type BuyerPrivacyErasureReceiptQuery = { erasureReceipt:
    | { __typename: 'ErasureReceipt', requestId: string, notified: Array<string>, complete: boolean, confirmations: Array<{ service: string, status: string }> }
    | { __typename: 'NotFoundError' }
   };

export type BuyerPrivacyMemberNicknameQueryVariables = Exact<{
  id: string | number;
}>;


export type BuyerPrivacyMemberNicknameQuery = { member: { nickname: string | null } | null };

export type BuyerPrivacyRenameMemberMutationVariables = Exact<{
  i: MemberProfileInput;
}>;


export type BuyerPrivacyRenameMemberMutation = { updateMemberProfile:
    | { __typename: 'Member' }
    | { __typename: 'NotFoundError' }
   };

export type DormancyWinBackExperimentQueryVariables = Exact<{ [key: string]: never; }>;


export type DormancyWinBackExperimentQuery = { experiment:
    | { __typename: 'ExperimentAnalysis', variants: Array<{ variant: string, units: number, conversions: number }> }
    | { __typename: 'NotFoundError' }
   };

export type FlashSaleCreatePromotionMutationVariables = Exact<{
  i: PromotionInput;
}>;


export type FlashSaleCreatePromotionMutation = { createPromotion:
    | { __typename: 'NotFoundError' }
    | { __typename: 'PriceHonestyError' }
    | { __typename: 'Promotion' }
    | { __typename: 'PromotionConflictError' }
   };

export type FlashSaleCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type FlashSaleCodesQuery = { flashSales: Array<{ code: string }> };

export type FlashSaleCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlashSaleCountsQuery = { flashSales: Array<{ code: string, sold: number, quantityCap: number | null }> };

export type FlashSaleSalesQueryVariables = Exact<{
  c: string;
}>;


export type FlashSaleSalesQuery = { flashSaleSales: { unitsSold: number, orders: number, quantityCap: number | null } | null };

export type LimitedRunReserveStockMutationVariables = Exact<{
  input: ReserveStockInput;
}>;


export type LimitedRunReserveStockMutation = { reserveStock:
    | { __typename: 'DuplicateOrderError', errorCode: string, message: string }
    | { __typename: 'InsufficientStockError', errorCode: string, message: string, skuCode: string, quantityRequested: number, quantityAvailable: number }
    | { __typename: 'Reservation' }
    | { __typename: 'UnknownSkuError', errorCode: string, message: string }
   };

export type LimitedRunUpsertCollectionMutationVariables = Exact<{
  i: CollectionInput;
}>;


export type LimitedRunUpsertCollectionMutation = { upsertCollection: { code: string } };

export type LimitedRunAddProductsMutationVariables = Exact<{
  c: string;
  p: Array<string> | string;
}>;


export type LimitedRunAddProductsMutation = { addProductsToCollection:
    | { __typename: 'Collection' }
    | { __typename: 'NotFoundError' }
   };

export type LimitedRunReleaseReservationMutationVariables = Exact<{
  k: OrderKeyInput;
}>;


export type LimitedRunReleaseReservationMutation = { releaseReservation:
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'Reservation' }
   };

export type NegativeReviewSupplierGradesQueryVariables = Exact<{ [key: string]: never; }>;


export type NegativeReviewSupplierGradesQuery = { suppliers: Array<{ code: string, grade: string | null, qualityPassRate: number | null }> };

export type NegativeReviewOpenIncidentsQueryVariables = Exact<{ [key: string]: never; }>;


export type NegativeReviewOpenIncidentsQuery = { reviewIncidents: Array<{ scopeKey: string, negativeReviews: number, contactTasks: Array<{ id: string }> }> };

export type NegativeReviewSkuViewQueryVariables = Exact<{
  c: string;
}>;


export type NegativeReviewSkuViewQuery = { sku: { product: { code: string }, reviewHealth: { negative30d: number, topComplaint: string | null, inIncident: boolean }, stock: { onHand: number } } | null };

export type ReplenishmentUpsertSupplierMutationVariables = Exact<{
  i: UpsertSupplierInput;
}>;


export type ReplenishmentUpsertSupplierMutation = { upsertSupplier: { code: string } };

export type ReplenishmentLinkSkuSupplierMutationVariables = Exact<{
  i: LinkSkuSupplierInput;
}>;


export type ReplenishmentLinkSkuSupplierMutation = { linkSkuSupplier:
    | { __typename: 'NotFoundError' }
    | { __typename: 'SkuSupplierLink' }
   };

export type ReplenishmentSetStockPolicyMutationVariables = Exact<{
  i: SetStockPolicyInput;
}>;


export type ReplenishmentSetStockPolicyMutation = { setStockPolicy:
    | { __typename: 'BelowReservedError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'StockLevel' }
   };

export type ReplenishmentDraftPurchaseOrdersMutationVariables = Exact<{ [key: string]: never; }>;


export type ReplenishmentDraftPurchaseOrdersMutation = { draftPurchaseOrdersFromSuggestions: Array<{ id: string, supplierCode: string, lines: Array<{ skuCode: string, quantityOrdered: number }> }> };

export type ReplenishmentSendPurchaseOrderMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplenishmentSendPurchaseOrderMutation = { sendPurchaseOrder:
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PurchaseOrder' }
    | { __typename: 'ReceiveExceedsOrderedError' }
   };

export type ReplenishmentReceivePurchaseOrderMutationVariables = Exact<{
  i: ReceivePurchaseOrderInput;
}>;


export type ReplenishmentReceivePurchaseOrderMutation = { receivePurchaseOrder:
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PurchaseOrder' }
    | { __typename: 'ReceiveExceedsOrderedError' }
   };

export type ReplenishmentPortfolioSuggestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplenishmentPortfolioSuggestionsQuery = { portfolioSuggestions: Array<{ productCode: string, currentRole: PortfolioRole, suggestedRole: PortfolioRole, reason: string }> };

export type ReplenishmentAcceptSuggestionMutationVariables = Exact<{
  c: string;
}>;


export type ReplenishmentAcceptSuggestionMutation = { acceptPortfolioSuggestion:
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'Product', portfolioRole: PortfolioRole }
   };

export type ReplenishmentAcceptSuggestionAgainMutationVariables = Exact<{
  c: string;
}>;


export type ReplenishmentAcceptSuggestionAgainMutation = { acceptPortfolioSuggestion:
    | { __typename: 'InvalidStateError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'Product' }
   };

export const BuyerPrivacyErasureReceiptFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EraseMemberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErasureReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"notified"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyErasureReceiptFragment, unknown>;
export const DemoCreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoCreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<DemoCreateProductMutation, DemoCreateProductMutationVariables>;
export const DemoWeeklyKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoWeeklyKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shopKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"grain"},"value":{"kind":"EnumValue","value":"WEEK"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"productViews"}}]}}]}}]} as unknown as DocumentNode<DemoWeeklyKpisQuery, DemoWeeklyKpisQueryVariables>;
export const DemoGenerateReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoGenerateReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DemoGenerateReportMutation, DemoGenerateReportMutationVariables>;
export const DemoDetectAnomaliesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoDetectAnomalies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hour"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"detectAnomalies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hour"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hour"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"dimension"}}]}}]}}]} as unknown as DocumentNode<DemoDetectAnomaliesMutation, DemoDetectAnomaliesMutationVariables>;
export const DemoFirstProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoFirstProduct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DemoFirstProductQuery, DemoFirstProductQueryVariables>;
export const DemoReceiveStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoReceiveStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReceiveStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<DemoReceiveStockMutation, DemoReceiveStockMutationVariables>;
export const DemoImportAdSpendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoImportAdSpend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rows"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdSpendInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importAdSpend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rows"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rows"}}}]}]}}]} as unknown as DocumentNode<DemoImportAdSpendMutation, DemoImportAdSpendMutationVariables>;
export const DemoSetBudgetPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSetBudgetPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BudgetPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setBudgetPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetFen"}}]}}]}}]} as unknown as DocumentNode<DemoSetBudgetPlanMutation, DemoSetBudgetPlanMutationVariables>;
export const DemoDefineExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoDefineExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExperimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plannedUnitsPerVariant"}}]}}]}}]} as unknown as DocumentNode<DemoDefineExperimentMutation, DemoDefineExperimentMutationVariables>;
export const DemoCreatePromotionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoCreatePromotion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PromotionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPromotion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PromotionConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PriceHonestyError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skuCode"}},{"kind":"Field","name":{"kind":"Name","value":"wasPriceFen"}},{"kind":"Field","name":{"kind":"Name","value":"lowestPriceFen"}}]}}]}}]}}]} as unknown as DocumentNode<DemoCreatePromotionMutation, DemoCreatePromotionMutationVariables>;
export const DemoConversationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoConversations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoConversationsQuery, DemoConversationsQueryVariables>;
export const DemoResolveConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoResolveConversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setConversationStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"conversationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RESOLVED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DemoResolveConversationMutation, DemoResolveConversationMutationVariables>;
export const DemoOpenReturnDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoOpenReturn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openAfterSalesCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DemoOpenReturnMutation, DemoOpenReturnMutationVariables>;
export const DemoTaobaoMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoTaobaoMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberByIdentity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"platform"},"value":{"kind":"StringValue","value":"taobao","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"platformUserId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DemoTaobaoMemberQuery, DemoTaobaoMemberQueryVariables>;
export const DemoGrantPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoGrantPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<DemoGrantPointsMutation, DemoGrantPointsMutationVariables>;
export const DemoLockGoldDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoLockGold"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lockLifetimeTier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tierCode"},"value":{"kind":"StringValue","value":"gold","block":false}}]}]}}]} as unknown as DocumentNode<DemoLockGoldMutation, DemoLockGoldMutationVariables>;
export const DemoGoldPicksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoGoldPicks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"picksForTier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tier"},"value":{"kind":"StringValue","value":"gold","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skuCode"}}]}}]}}]} as unknown as DocumentNode<DemoGoldPicksQuery, DemoGoldPicksQueryVariables>;
export const AfterSalesOpenCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AfterSalesOpenCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openAfterSalesCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AfterSalesCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AfterSalesOpenCaseMutation, AfterSalesOpenCaseMutationVariables>;
export const AfterSalesActOnCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AfterSalesActOnCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actOnAfterSalesCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AfterSalesCase"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IllegalCaseActionError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<AfterSalesActOnCaseMutation, AfterSalesActOnCaseMutationVariables>;
export const AfterSalesOpenDisputeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AfterSalesOpenDispute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenDisputeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openDispute"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dispute"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"ruleFired"}},{"kind":"Field","name":{"kind":"Name","value":"compensationFen"}}]}}]}}]}}]} as unknown as DocumentNode<AfterSalesOpenDisputeMutation, AfterSalesOpenDisputeMutationVariables>;
export const BuyerPrivacyMemberContactDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuyerPrivacyMemberContact"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nickname"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyMemberContactQuery, BuyerPrivacyMemberContactQueryVariables>;
export const BuyerPrivacyEraseMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuyerPrivacyEraseMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eraseMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"StringValue","value":"会员申请注销","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EraseMemberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErasureReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"notified"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyEraseMemberMutation, BuyerPrivacyEraseMemberMutationVariables>;
export const BuyerPrivacyErasureReceiptDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"r"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"erasureReceipt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"r"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BuyerPrivacyErasureReceipt"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EraseMemberResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErasureReceipt"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"notified"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyErasureReceiptQuery, BuyerPrivacyErasureReceiptQueryVariables>;
export const BuyerPrivacyMemberNicknameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BuyerPrivacyMemberNickname"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nickname"}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyMemberNicknameQuery, BuyerPrivacyMemberNicknameQueryVariables>;
export const BuyerPrivacyRenameMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuyerPrivacyRenameMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<BuyerPrivacyRenameMemberMutation, BuyerPrivacyRenameMemberMutationVariables>;
export const DormancyWinBackExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DormancyWinBackExperiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"StringValue","value":"win-back","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExperimentAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"variant"}},{"kind":"Field","name":{"kind":"Name","value":"units"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DormancyWinBackExperimentQuery, DormancyWinBackExperimentQueryVariables>;
export const FlashSaleCreatePromotionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FlashSaleCreatePromotion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PromotionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPromotion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<FlashSaleCreatePromotionMutation, FlashSaleCreatePromotionMutationVariables>;
export const FlashSaleCodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlashSaleCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flashSales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<FlashSaleCodesQuery, FlashSaleCodesQueryVariables>;
export const FlashSaleCountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlashSaleCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flashSales"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"sold"}},{"kind":"Field","name":{"kind":"Name","value":"quantityCap"}}]}}]}}]} as unknown as DocumentNode<FlashSaleCountsQuery, FlashSaleCountsQueryVariables>;
export const FlashSaleSalesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlashSaleSales"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flashSaleSales"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unitsSold"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"quantityCap"}}]}}]}}]} as unknown as DocumentNode<FlashSaleSalesQuery, FlashSaleSalesQueryVariables>;
export const LimitedRunReserveStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitedRunReserveStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReserveStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reserveStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientStockError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skuCode"}},{"kind":"Field","name":{"kind":"Name","value":"quantityRequested"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}}]}}]}}]}}]} as unknown as DocumentNode<LimitedRunReserveStockMutation, LimitedRunReserveStockMutationVariables>;
export const LimitedRunUpsertCollectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitedRunUpsertCollection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<LimitedRunUpsertCollectionMutation, LimitedRunUpsertCollectionMutationVariables>;
export const LimitedRunAddProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitedRunAddProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"p"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addProductsToCollection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"collectionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}},{"kind":"Argument","name":{"kind":"Name","value":"productCodes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"p"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<LimitedRunAddProductsMutation, LimitedRunAddProductsMutationVariables>;
export const LimitedRunReleaseReservationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitedRunReleaseReservation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"k"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrderKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseReservation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"k"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<LimitedRunReleaseReservationMutation, LimitedRunReleaseReservationMutationVariables>;
export const NegativeReviewSupplierGradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewSupplierGrades"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suppliers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"qualityPassRate"}}]}}]}}]} as unknown as DocumentNode<NegativeReviewSupplierGradesQuery, NegativeReviewSupplierGradesQueryVariables>;
export const NegativeReviewOpenIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewOpenIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewIncidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"StringValue","value":"OPEN","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scopeKey"}},{"kind":"Field","name":{"kind":"Name","value":"negativeReviews"}},{"kind":"Field","name":{"kind":"Name","value":"contactTasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<NegativeReviewOpenIncidentsQuery, NegativeReviewOpenIncidentsQueryVariables>;
export const NegativeReviewSkuViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NegativeReviewSkuView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reviewHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"negative30d"}},{"kind":"Field","name":{"kind":"Name","value":"topComplaint"}},{"kind":"Field","name":{"kind":"Name","value":"inIncident"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onHand"}}]}}]}}]}}]} as unknown as DocumentNode<NegativeReviewSkuViewQuery, NegativeReviewSkuViewQueryVariables>;
export const ReplenishmentUpsertSupplierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentUpsertSupplier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertSupplierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertSupplier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentUpsertSupplierMutation, ReplenishmentUpsertSupplierMutationVariables>;
export const ReplenishmentLinkSkuSupplierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentLinkSkuSupplier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkSkuSupplierInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkSkuSupplier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentLinkSkuSupplierMutation, ReplenishmentLinkSkuSupplierMutationVariables>;
export const ReplenishmentSetStockPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentSetStockPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetStockPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStockPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentSetStockPolicyMutation, ReplenishmentSetStockPolicyMutationVariables>;
export const ReplenishmentDraftPurchaseOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentDraftPurchaseOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftPurchaseOrdersFromSuggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"supplierCode"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skuCode"}},{"kind":"Field","name":{"kind":"Name","value":"quantityOrdered"}}]}}]}}]}}]} as unknown as DocumentNode<ReplenishmentDraftPurchaseOrdersMutation, ReplenishmentDraftPurchaseOrdersMutationVariables>;
export const ReplenishmentSendPurchaseOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentSendPurchaseOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendPurchaseOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentSendPurchaseOrderMutation, ReplenishmentSendPurchaseOrderMutationVariables>;
export const ReplenishmentReceivePurchaseOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentReceivePurchaseOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReceivePurchaseOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivePurchaseOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentReceivePurchaseOrderMutation, ReplenishmentReceivePurchaseOrderMutationVariables>;
export const ReplenishmentPortfolioSuggestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReplenishmentPortfolioSuggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioSuggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productCode"}},{"kind":"Field","name":{"kind":"Name","value":"currentRole"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedRole"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentPortfolioSuggestionsQuery, ReplenishmentPortfolioSuggestionsQueryVariables>;
export const ReplenishmentAcceptSuggestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentAcceptSuggestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPortfolioSuggestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"portfolioRole"}}]}}]}}]}}]} as unknown as DocumentNode<ReplenishmentAcceptSuggestionMutation, ReplenishmentAcceptSuggestionMutationVariables>;
export const ReplenishmentAcceptSuggestionAgainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplenishmentAcceptSuggestionAgain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"c"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPortfolioSuggestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"productCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"c"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReplenishmentAcceptSuggestionAgainMutation, ReplenishmentAcceptSuggestionAgainMutationVariables>;