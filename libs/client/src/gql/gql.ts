/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation DemoCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n    }\n  }\n": typeof types.DemoCreateProductDocument,
    "\n  query DemoWeeklyKpis($from: String!, $to: String!) {\n    shopKpis(from: $from, to: $to, grain: WEEK) {\n      orders\n      productViews\n    }\n  }\n": typeof types.DemoWeeklyKpisDocument,
    "\n  mutation DemoGenerateReport($kind: String!, $from: String!, $to: String!) {\n    generateReport(kind: $kind, from: $from, to: $to) {\n      id\n    }\n  }\n": typeof types.DemoGenerateReportDocument,
    "\n  mutation DemoDetectAnomalies($hour: String!) {\n    detectAnomalies(hour: $hour) {\n      metric\n      dimension\n    }\n  }\n": typeof types.DemoDetectAnomaliesDocument,
    "\n  query DemoFirstProduct {\n    products(first: 1) {\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.DemoFirstProductDocument,
    "\n  mutation DemoReceiveStock($input: ReceiveStockInput!) {\n    receiveStock(input: $input) {\n      __typename\n    }\n  }\n": typeof types.DemoReceiveStockDocument,
    "\n  mutation DemoImportAdSpend($rows: [AdSpendInput!]!) {\n    importAdSpend(rows: $rows)\n  }\n": typeof types.DemoImportAdSpendDocument,
    "\n  mutation DemoSetBudgetPlan($input: BudgetPlanInput!) {\n    setBudgetPlan(input: $input) {\n      budgetFen\n    }\n  }\n": typeof types.DemoSetBudgetPlanDocument,
    "\n  mutation DemoDefineExperiment($input: ExperimentInput!) {\n    defineExperiment(input: $input) {\n      plannedUnitsPerVariant\n    }\n  }\n": typeof types.DemoDefineExperimentDocument,
    "\n  mutation DemoCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      __typename\n      ... on PromotionConflictError {\n        message\n      }\n      ... on PriceHonestyError {\n        skuCode\n        wasPriceFen\n        lowestPriceFen\n      }\n    }\n  }\n": typeof types.DemoCreatePromotionDocument,
    "\n  query DemoConversations {\n    conversations(first: 200) {\n      id\n      status\n    }\n  }\n": typeof types.DemoConversationsDocument,
    "\n  mutation DemoResolveConversation($id: ID!) {\n    setConversationStatus(conversationId: $id, status: RESOLVED) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n": typeof types.DemoResolveConversationDocument,
    "\n  mutation DemoOpenReturn($input: OpenCaseInput!) {\n    openAfterSalesCase(input: $input) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n": typeof types.DemoOpenReturnDocument,
    "\n  query DemoTaobaoMember($id: String!) {\n    memberByIdentity(platform: \"taobao\", platformUserId: $id) {\n      id\n    }\n  }\n": typeof types.DemoTaobaoMemberDocument,
    "\n  mutation DemoGrantPoints($input: PointsChangeInput!) {\n    grantPoints(input: $input) {\n      __typename\n    }\n  }\n": typeof types.DemoGrantPointsDocument,
    "\n  mutation DemoLockGold($id: ID!) {\n    lockLifetimeTier(memberId: $id, tierCode: \"gold\")\n  }\n": typeof types.DemoLockGoldDocument,
    "\n  query DemoGoldPicks {\n    picksForTier(tier: \"gold\", first: 1) {\n      skuCode\n    }\n  }\n": typeof types.DemoGoldPicksDocument,
    "\n  mutation AfterSalesOpenCase($i: OpenCaseInput!) {\n    openAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        id\n        status\n      }\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n    }\n  }\n": typeof types.AfterSalesOpenCaseDocument,
    "\n  mutation AfterSalesActOnCase($i: CaseActionInput!) {\n    actOnAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        status\n      }\n      ... on IllegalCaseActionError {\n        status\n      }\n    }\n  }\n": typeof types.AfterSalesActOnCaseDocument,
    "\n  mutation AfterSalesOpenDispute($i: OpenDisputeInput!) {\n    openDispute(input: $i) {\n      __typename\n      ... on Dispute {\n        id\n        decision\n        ruleFired\n        compensationFen\n      }\n    }\n  }\n": typeof types.AfterSalesOpenDisputeDocument,
    "\n  query BuyerPrivacyMemberContact($id: ID!) {\n    member(id: $id) {\n      nickname\n      phone\n    }\n  }\n": typeof types.BuyerPrivacyMemberContactDocument,
    "\n  fragment BuyerPrivacyErasureReceipt on EraseMemberResult {\n    __typename\n    ... on ErasureReceipt {\n      requestId\n      notified\n      complete\n      confirmations {\n        service\n        status\n      }\n    }\n  }\n": typeof types.BuyerPrivacyErasureReceiptFragmentDoc,
    "\n  mutation BuyerPrivacyEraseMember($id: ID!) {\n    eraseMember(memberId: $id, reason: \"会员申请注销\") {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n": typeof types.BuyerPrivacyEraseMemberDocument,
    "\n  query BuyerPrivacyErasureReceipt($r: ID!) {\n    erasureReceipt(requestId: $r) {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n": typeof types.BuyerPrivacyErasureReceiptDocument,
    "\n  query BuyerPrivacyMemberNickname($id: ID!) {\n    member(id: $id) {\n      nickname\n    }\n  }\n": typeof types.BuyerPrivacyMemberNicknameDocument,
    "\n  mutation BuyerPrivacyRenameMember($i: MemberProfileInput!) {\n    updateMemberProfile(input: $i) {\n      __typename\n    }\n  }\n": typeof types.BuyerPrivacyRenameMemberDocument,
    "\n  query DormancyWinBackExperiment {\n    experiment(key: \"win-back\") {\n      __typename\n      ... on ExperimentAnalysis {\n        variants {\n          variant\n          units\n          conversions\n        }\n      }\n    }\n  }\n": typeof types.DormancyWinBackExperimentDocument,
    "\n  mutation FlashSaleCreatePromotion($i: PromotionInput!) {\n    createPromotion(input: $i) {\n      __typename\n    }\n  }\n": typeof types.FlashSaleCreatePromotionDocument,
    "\n  query FlashSaleCodes {\n    flashSales {\n      code\n    }\n  }\n": typeof types.FlashSaleCodesDocument,
    "\n  query FlashSaleCounts {\n    flashSales {\n      code\n      sold\n      quantityCap\n    }\n  }\n": typeof types.FlashSaleCountsDocument,
    "\n  query FlashSaleSales($c: String!) {\n    flashSaleSales(code: $c) {\n      unitsSold\n      orders\n      quantityCap\n    }\n  }\n": typeof types.FlashSaleSalesDocument,
    "\n  mutation LimitedRunReserveStock($input: ReserveStockInput!) {\n    reserveStock(input: $input) {\n      __typename\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n      ... on InsufficientStockError {\n        skuCode\n        quantityRequested\n        quantityAvailable\n      }\n    }\n  }\n": typeof types.LimitedRunReserveStockDocument,
    "\n  mutation LimitedRunUpsertCollection($i: CollectionInput!) {\n    upsertCollection(input: $i) {\n      code\n    }\n  }\n": typeof types.LimitedRunUpsertCollectionDocument,
    "\n  mutation LimitedRunAddProducts($c: String!, $p: [String!]!) {\n    addProductsToCollection(collectionCode: $c, productCodes: $p) {\n      __typename\n    }\n  }\n": typeof types.LimitedRunAddProductsDocument,
    "\n  mutation LimitedRunReleaseReservation($k: OrderKeyInput!) {\n    releaseReservation(input: $k) {\n      __typename\n    }\n  }\n": typeof types.LimitedRunReleaseReservationDocument,
    "\n  query NegativeReviewSupplierGrades {\n    suppliers {\n      code\n      grade\n      qualityPassRate\n    }\n  }\n": typeof types.NegativeReviewSupplierGradesDocument,
    "\n  query NegativeReviewOpenIncidents {\n    reviewIncidents(status: \"OPEN\") {\n      scopeKey\n      negativeReviews\n      contactTasks {\n        id\n      }\n    }\n  }\n": typeof types.NegativeReviewOpenIncidentsDocument,
    "\n  query NegativeReviewSkuView($c: String!) {\n    sku(code: $c) {\n      product {\n        code\n      }\n      reviewHealth {\n        negative30d\n        topComplaint\n        inIncident\n      }\n      stock {\n        onHand\n      }\n    }\n  }\n": typeof types.NegativeReviewSkuViewDocument,
    "\n  mutation ReplenishmentUpsertSupplier($i: UpsertSupplierInput!) {\n    upsertSupplier(input: $i) {\n      code\n    }\n  }\n": typeof types.ReplenishmentUpsertSupplierDocument,
    "\n  mutation ReplenishmentLinkSkuSupplier($i: LinkSkuSupplierInput!) {\n    linkSkuSupplier(input: $i) {\n      __typename\n    }\n  }\n": typeof types.ReplenishmentLinkSkuSupplierDocument,
    "\n  mutation ReplenishmentSetStockPolicy($i: SetStockPolicyInput!) {\n    setStockPolicy(input: $i) {\n      __typename\n    }\n  }\n": typeof types.ReplenishmentSetStockPolicyDocument,
    "\n  mutation ReplenishmentDraftPurchaseOrders {\n    draftPurchaseOrdersFromSuggestions {\n      id\n      supplierCode\n      lines {\n        skuCode\n        quantityOrdered\n      }\n    }\n  }\n": typeof types.ReplenishmentDraftPurchaseOrdersDocument,
    "\n  mutation ReplenishmentSendPurchaseOrder($id: ID!) {\n    sendPurchaseOrder(id: $id) {\n      __typename\n    }\n  }\n": typeof types.ReplenishmentSendPurchaseOrderDocument,
    "\n  mutation ReplenishmentReceivePurchaseOrder($i: ReceivePurchaseOrderInput!) {\n    receivePurchaseOrder(input: $i) {\n      __typename\n    }\n  }\n": typeof types.ReplenishmentReceivePurchaseOrderDocument,
    "\n  query ReplenishmentPortfolioSuggestions {\n    portfolioSuggestions {\n      productCode\n      currentRole\n      suggestedRole\n      reason\n    }\n  }\n": typeof types.ReplenishmentPortfolioSuggestionsDocument,
    "\n  mutation ReplenishmentAcceptSuggestion($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n      ... on Product {\n        portfolioRole\n      }\n    }\n  }\n": typeof types.ReplenishmentAcceptSuggestionDocument,
    "\n  mutation ReplenishmentAcceptSuggestionAgain($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n    }\n  }\n": typeof types.ReplenishmentAcceptSuggestionAgainDocument,
};
const documents: Documents = {
    "\n  mutation DemoCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n    }\n  }\n": types.DemoCreateProductDocument,
    "\n  query DemoWeeklyKpis($from: String!, $to: String!) {\n    shopKpis(from: $from, to: $to, grain: WEEK) {\n      orders\n      productViews\n    }\n  }\n": types.DemoWeeklyKpisDocument,
    "\n  mutation DemoGenerateReport($kind: String!, $from: String!, $to: String!) {\n    generateReport(kind: $kind, from: $from, to: $to) {\n      id\n    }\n  }\n": types.DemoGenerateReportDocument,
    "\n  mutation DemoDetectAnomalies($hour: String!) {\n    detectAnomalies(hour: $hour) {\n      metric\n      dimension\n    }\n  }\n": types.DemoDetectAnomaliesDocument,
    "\n  query DemoFirstProduct {\n    products(first: 1) {\n      nodes {\n        id\n      }\n    }\n  }\n": types.DemoFirstProductDocument,
    "\n  mutation DemoReceiveStock($input: ReceiveStockInput!) {\n    receiveStock(input: $input) {\n      __typename\n    }\n  }\n": types.DemoReceiveStockDocument,
    "\n  mutation DemoImportAdSpend($rows: [AdSpendInput!]!) {\n    importAdSpend(rows: $rows)\n  }\n": types.DemoImportAdSpendDocument,
    "\n  mutation DemoSetBudgetPlan($input: BudgetPlanInput!) {\n    setBudgetPlan(input: $input) {\n      budgetFen\n    }\n  }\n": types.DemoSetBudgetPlanDocument,
    "\n  mutation DemoDefineExperiment($input: ExperimentInput!) {\n    defineExperiment(input: $input) {\n      plannedUnitsPerVariant\n    }\n  }\n": types.DemoDefineExperimentDocument,
    "\n  mutation DemoCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      __typename\n      ... on PromotionConflictError {\n        message\n      }\n      ... on PriceHonestyError {\n        skuCode\n        wasPriceFen\n        lowestPriceFen\n      }\n    }\n  }\n": types.DemoCreatePromotionDocument,
    "\n  query DemoConversations {\n    conversations(first: 200) {\n      id\n      status\n    }\n  }\n": types.DemoConversationsDocument,
    "\n  mutation DemoResolveConversation($id: ID!) {\n    setConversationStatus(conversationId: $id, status: RESOLVED) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n": types.DemoResolveConversationDocument,
    "\n  mutation DemoOpenReturn($input: OpenCaseInput!) {\n    openAfterSalesCase(input: $input) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n": types.DemoOpenReturnDocument,
    "\n  query DemoTaobaoMember($id: String!) {\n    memberByIdentity(platform: \"taobao\", platformUserId: $id) {\n      id\n    }\n  }\n": types.DemoTaobaoMemberDocument,
    "\n  mutation DemoGrantPoints($input: PointsChangeInput!) {\n    grantPoints(input: $input) {\n      __typename\n    }\n  }\n": types.DemoGrantPointsDocument,
    "\n  mutation DemoLockGold($id: ID!) {\n    lockLifetimeTier(memberId: $id, tierCode: \"gold\")\n  }\n": types.DemoLockGoldDocument,
    "\n  query DemoGoldPicks {\n    picksForTier(tier: \"gold\", first: 1) {\n      skuCode\n    }\n  }\n": types.DemoGoldPicksDocument,
    "\n  mutation AfterSalesOpenCase($i: OpenCaseInput!) {\n    openAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        id\n        status\n      }\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n    }\n  }\n": types.AfterSalesOpenCaseDocument,
    "\n  mutation AfterSalesActOnCase($i: CaseActionInput!) {\n    actOnAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        status\n      }\n      ... on IllegalCaseActionError {\n        status\n      }\n    }\n  }\n": types.AfterSalesActOnCaseDocument,
    "\n  mutation AfterSalesOpenDispute($i: OpenDisputeInput!) {\n    openDispute(input: $i) {\n      __typename\n      ... on Dispute {\n        id\n        decision\n        ruleFired\n        compensationFen\n      }\n    }\n  }\n": types.AfterSalesOpenDisputeDocument,
    "\n  query BuyerPrivacyMemberContact($id: ID!) {\n    member(id: $id) {\n      nickname\n      phone\n    }\n  }\n": types.BuyerPrivacyMemberContactDocument,
    "\n  fragment BuyerPrivacyErasureReceipt on EraseMemberResult {\n    __typename\n    ... on ErasureReceipt {\n      requestId\n      notified\n      complete\n      confirmations {\n        service\n        status\n      }\n    }\n  }\n": types.BuyerPrivacyErasureReceiptFragmentDoc,
    "\n  mutation BuyerPrivacyEraseMember($id: ID!) {\n    eraseMember(memberId: $id, reason: \"会员申请注销\") {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n": types.BuyerPrivacyEraseMemberDocument,
    "\n  query BuyerPrivacyErasureReceipt($r: ID!) {\n    erasureReceipt(requestId: $r) {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n": types.BuyerPrivacyErasureReceiptDocument,
    "\n  query BuyerPrivacyMemberNickname($id: ID!) {\n    member(id: $id) {\n      nickname\n    }\n  }\n": types.BuyerPrivacyMemberNicknameDocument,
    "\n  mutation BuyerPrivacyRenameMember($i: MemberProfileInput!) {\n    updateMemberProfile(input: $i) {\n      __typename\n    }\n  }\n": types.BuyerPrivacyRenameMemberDocument,
    "\n  query DormancyWinBackExperiment {\n    experiment(key: \"win-back\") {\n      __typename\n      ... on ExperimentAnalysis {\n        variants {\n          variant\n          units\n          conversions\n        }\n      }\n    }\n  }\n": types.DormancyWinBackExperimentDocument,
    "\n  mutation FlashSaleCreatePromotion($i: PromotionInput!) {\n    createPromotion(input: $i) {\n      __typename\n    }\n  }\n": types.FlashSaleCreatePromotionDocument,
    "\n  query FlashSaleCodes {\n    flashSales {\n      code\n    }\n  }\n": types.FlashSaleCodesDocument,
    "\n  query FlashSaleCounts {\n    flashSales {\n      code\n      sold\n      quantityCap\n    }\n  }\n": types.FlashSaleCountsDocument,
    "\n  query FlashSaleSales($c: String!) {\n    flashSaleSales(code: $c) {\n      unitsSold\n      orders\n      quantityCap\n    }\n  }\n": types.FlashSaleSalesDocument,
    "\n  mutation LimitedRunReserveStock($input: ReserveStockInput!) {\n    reserveStock(input: $input) {\n      __typename\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n      ... on InsufficientStockError {\n        skuCode\n        quantityRequested\n        quantityAvailable\n      }\n    }\n  }\n": types.LimitedRunReserveStockDocument,
    "\n  mutation LimitedRunUpsertCollection($i: CollectionInput!) {\n    upsertCollection(input: $i) {\n      code\n    }\n  }\n": types.LimitedRunUpsertCollectionDocument,
    "\n  mutation LimitedRunAddProducts($c: String!, $p: [String!]!) {\n    addProductsToCollection(collectionCode: $c, productCodes: $p) {\n      __typename\n    }\n  }\n": types.LimitedRunAddProductsDocument,
    "\n  mutation LimitedRunReleaseReservation($k: OrderKeyInput!) {\n    releaseReservation(input: $k) {\n      __typename\n    }\n  }\n": types.LimitedRunReleaseReservationDocument,
    "\n  query NegativeReviewSupplierGrades {\n    suppliers {\n      code\n      grade\n      qualityPassRate\n    }\n  }\n": types.NegativeReviewSupplierGradesDocument,
    "\n  query NegativeReviewOpenIncidents {\n    reviewIncidents(status: \"OPEN\") {\n      scopeKey\n      negativeReviews\n      contactTasks {\n        id\n      }\n    }\n  }\n": types.NegativeReviewOpenIncidentsDocument,
    "\n  query NegativeReviewSkuView($c: String!) {\n    sku(code: $c) {\n      product {\n        code\n      }\n      reviewHealth {\n        negative30d\n        topComplaint\n        inIncident\n      }\n      stock {\n        onHand\n      }\n    }\n  }\n": types.NegativeReviewSkuViewDocument,
    "\n  mutation ReplenishmentUpsertSupplier($i: UpsertSupplierInput!) {\n    upsertSupplier(input: $i) {\n      code\n    }\n  }\n": types.ReplenishmentUpsertSupplierDocument,
    "\n  mutation ReplenishmentLinkSkuSupplier($i: LinkSkuSupplierInput!) {\n    linkSkuSupplier(input: $i) {\n      __typename\n    }\n  }\n": types.ReplenishmentLinkSkuSupplierDocument,
    "\n  mutation ReplenishmentSetStockPolicy($i: SetStockPolicyInput!) {\n    setStockPolicy(input: $i) {\n      __typename\n    }\n  }\n": types.ReplenishmentSetStockPolicyDocument,
    "\n  mutation ReplenishmentDraftPurchaseOrders {\n    draftPurchaseOrdersFromSuggestions {\n      id\n      supplierCode\n      lines {\n        skuCode\n        quantityOrdered\n      }\n    }\n  }\n": types.ReplenishmentDraftPurchaseOrdersDocument,
    "\n  mutation ReplenishmentSendPurchaseOrder($id: ID!) {\n    sendPurchaseOrder(id: $id) {\n      __typename\n    }\n  }\n": types.ReplenishmentSendPurchaseOrderDocument,
    "\n  mutation ReplenishmentReceivePurchaseOrder($i: ReceivePurchaseOrderInput!) {\n    receivePurchaseOrder(input: $i) {\n      __typename\n    }\n  }\n": types.ReplenishmentReceivePurchaseOrderDocument,
    "\n  query ReplenishmentPortfolioSuggestions {\n    portfolioSuggestions {\n      productCode\n      currentRole\n      suggestedRole\n      reason\n    }\n  }\n": types.ReplenishmentPortfolioSuggestionsDocument,
    "\n  mutation ReplenishmentAcceptSuggestion($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n      ... on Product {\n        portfolioRole\n      }\n    }\n  }\n": types.ReplenishmentAcceptSuggestionDocument,
    "\n  mutation ReplenishmentAcceptSuggestionAgain($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n    }\n  }\n": types.ReplenishmentAcceptSuggestionAgainDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation DemoCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoWeeklyKpis($from: String!, $to: String!) {\n    shopKpis(from: $from, to: $to, grain: WEEK) {\n      orders\n      productViews\n    }\n  }\n"): (typeof documents)["\n  query DemoWeeklyKpis($from: String!, $to: String!) {\n    shopKpis(from: $from, to: $to, grain: WEEK) {\n      orders\n      productViews\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoGenerateReport($kind: String!, $from: String!, $to: String!) {\n    generateReport(kind: $kind, from: $from, to: $to) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DemoGenerateReport($kind: String!, $from: String!, $to: String!) {\n    generateReport(kind: $kind, from: $from, to: $to) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoDetectAnomalies($hour: String!) {\n    detectAnomalies(hour: $hour) {\n      metric\n      dimension\n    }\n  }\n"): (typeof documents)["\n  mutation DemoDetectAnomalies($hour: String!) {\n    detectAnomalies(hour: $hour) {\n      metric\n      dimension\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoFirstProduct {\n    products(first: 1) {\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query DemoFirstProduct {\n    products(first: 1) {\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoReceiveStock($input: ReceiveStockInput!) {\n    receiveStock(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation DemoReceiveStock($input: ReceiveStockInput!) {\n    receiveStock(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoImportAdSpend($rows: [AdSpendInput!]!) {\n    importAdSpend(rows: $rows)\n  }\n"): (typeof documents)["\n  mutation DemoImportAdSpend($rows: [AdSpendInput!]!) {\n    importAdSpend(rows: $rows)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoSetBudgetPlan($input: BudgetPlanInput!) {\n    setBudgetPlan(input: $input) {\n      budgetFen\n    }\n  }\n"): (typeof documents)["\n  mutation DemoSetBudgetPlan($input: BudgetPlanInput!) {\n    setBudgetPlan(input: $input) {\n      budgetFen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoDefineExperiment($input: ExperimentInput!) {\n    defineExperiment(input: $input) {\n      plannedUnitsPerVariant\n    }\n  }\n"): (typeof documents)["\n  mutation DemoDefineExperiment($input: ExperimentInput!) {\n    defineExperiment(input: $input) {\n      plannedUnitsPerVariant\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      __typename\n      ... on PromotionConflictError {\n        message\n      }\n      ... on PriceHonestyError {\n        skuCode\n        wasPriceFen\n        lowestPriceFen\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoCreatePromotion($input: PromotionInput!) {\n    createPromotion(input: $input) {\n      __typename\n      ... on PromotionConflictError {\n        message\n      }\n      ... on PriceHonestyError {\n        skuCode\n        wasPriceFen\n        lowestPriceFen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoConversations {\n    conversations(first: 200) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  query DemoConversations {\n    conversations(first: 200) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoResolveConversation($id: ID!) {\n    setConversationStatus(conversationId: $id, status: RESOLVED) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoResolveConversation($id: ID!) {\n    setConversationStatus(conversationId: $id, status: RESOLVED) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoOpenReturn($input: OpenCaseInput!) {\n    openAfterSalesCase(input: $input) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoOpenReturn($input: OpenCaseInput!) {\n    openAfterSalesCase(input: $input) {\n      __typename\n      ... on ErrorResult {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoTaobaoMember($id: String!) {\n    memberByIdentity(platform: \"taobao\", platformUserId: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  query DemoTaobaoMember($id: String!) {\n    memberByIdentity(platform: \"taobao\", platformUserId: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoGrantPoints($input: PointsChangeInput!) {\n    grantPoints(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation DemoGrantPoints($input: PointsChangeInput!) {\n    grantPoints(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoLockGold($id: ID!) {\n    lockLifetimeTier(memberId: $id, tierCode: \"gold\")\n  }\n"): (typeof documents)["\n  mutation DemoLockGold($id: ID!) {\n    lockLifetimeTier(memberId: $id, tierCode: \"gold\")\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DemoGoldPicks {\n    picksForTier(tier: \"gold\", first: 1) {\n      skuCode\n    }\n  }\n"): (typeof documents)["\n  query DemoGoldPicks {\n    picksForTier(tier: \"gold\", first: 1) {\n      skuCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AfterSalesOpenCase($i: OpenCaseInput!) {\n    openAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        id\n        status\n      }\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AfterSalesOpenCase($i: OpenCaseInput!) {\n    openAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        id\n        status\n      }\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AfterSalesActOnCase($i: CaseActionInput!) {\n    actOnAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        status\n      }\n      ... on IllegalCaseActionError {\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AfterSalesActOnCase($i: CaseActionInput!) {\n    actOnAfterSalesCase(input: $i) {\n      __typename\n      ... on AfterSalesCase {\n        status\n      }\n      ... on IllegalCaseActionError {\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AfterSalesOpenDispute($i: OpenDisputeInput!) {\n    openDispute(input: $i) {\n      __typename\n      ... on Dispute {\n        id\n        decision\n        ruleFired\n        compensationFen\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AfterSalesOpenDispute($i: OpenDisputeInput!) {\n    openDispute(input: $i) {\n      __typename\n      ... on Dispute {\n        id\n        decision\n        ruleFired\n        compensationFen\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuyerPrivacyMemberContact($id: ID!) {\n    member(id: $id) {\n      nickname\n      phone\n    }\n  }\n"): (typeof documents)["\n  query BuyerPrivacyMemberContact($id: ID!) {\n    member(id: $id) {\n      nickname\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuyerPrivacyErasureReceipt on EraseMemberResult {\n    __typename\n    ... on ErasureReceipt {\n      requestId\n      notified\n      complete\n      confirmations {\n        service\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BuyerPrivacyErasureReceipt on EraseMemberResult {\n    __typename\n    ... on ErasureReceipt {\n      requestId\n      notified\n      complete\n      confirmations {\n        service\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyerPrivacyEraseMember($id: ID!) {\n    eraseMember(memberId: $id, reason: \"会员申请注销\") {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n"): (typeof documents)["\n  mutation BuyerPrivacyEraseMember($id: ID!) {\n    eraseMember(memberId: $id, reason: \"会员申请注销\") {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuyerPrivacyErasureReceipt($r: ID!) {\n    erasureReceipt(requestId: $r) {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n"): (typeof documents)["\n  query BuyerPrivacyErasureReceipt($r: ID!) {\n    erasureReceipt(requestId: $r) {\n      ...BuyerPrivacyErasureReceipt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuyerPrivacyMemberNickname($id: ID!) {\n    member(id: $id) {\n      nickname\n    }\n  }\n"): (typeof documents)["\n  query BuyerPrivacyMemberNickname($id: ID!) {\n    member(id: $id) {\n      nickname\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BuyerPrivacyRenameMember($i: MemberProfileInput!) {\n    updateMemberProfile(input: $i) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation BuyerPrivacyRenameMember($i: MemberProfileInput!) {\n    updateMemberProfile(input: $i) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DormancyWinBackExperiment {\n    experiment(key: \"win-back\") {\n      __typename\n      ... on ExperimentAnalysis {\n        variants {\n          variant\n          units\n          conversions\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DormancyWinBackExperiment {\n    experiment(key: \"win-back\") {\n      __typename\n      ... on ExperimentAnalysis {\n        variants {\n          variant\n          units\n          conversions\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlashSaleCreatePromotion($i: PromotionInput!) {\n    createPromotion(input: $i) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation FlashSaleCreatePromotion($i: PromotionInput!) {\n    createPromotion(input: $i) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlashSaleCodes {\n    flashSales {\n      code\n    }\n  }\n"): (typeof documents)["\n  query FlashSaleCodes {\n    flashSales {\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlashSaleCounts {\n    flashSales {\n      code\n      sold\n      quantityCap\n    }\n  }\n"): (typeof documents)["\n  query FlashSaleCounts {\n    flashSales {\n      code\n      sold\n      quantityCap\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlashSaleSales($c: String!) {\n    flashSaleSales(code: $c) {\n      unitsSold\n      orders\n      quantityCap\n    }\n  }\n"): (typeof documents)["\n  query FlashSaleSales($c: String!) {\n    flashSaleSales(code: $c) {\n      unitsSold\n      orders\n      quantityCap\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitedRunReserveStock($input: ReserveStockInput!) {\n    reserveStock(input: $input) {\n      __typename\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n      ... on InsufficientStockError {\n        skuCode\n        quantityRequested\n        quantityAvailable\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LimitedRunReserveStock($input: ReserveStockInput!) {\n    reserveStock(input: $input) {\n      __typename\n      ... on ErrorResult {\n        errorCode\n        message\n      }\n      ... on InsufficientStockError {\n        skuCode\n        quantityRequested\n        quantityAvailable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitedRunUpsertCollection($i: CollectionInput!) {\n    upsertCollection(input: $i) {\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation LimitedRunUpsertCollection($i: CollectionInput!) {\n    upsertCollection(input: $i) {\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitedRunAddProducts($c: String!, $p: [String!]!) {\n    addProductsToCollection(collectionCode: $c, productCodes: $p) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation LimitedRunAddProducts($c: String!, $p: [String!]!) {\n    addProductsToCollection(collectionCode: $c, productCodes: $p) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LimitedRunReleaseReservation($k: OrderKeyInput!) {\n    releaseReservation(input: $k) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation LimitedRunReleaseReservation($k: OrderKeyInput!) {\n    releaseReservation(input: $k) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NegativeReviewSupplierGrades {\n    suppliers {\n      code\n      grade\n      qualityPassRate\n    }\n  }\n"): (typeof documents)["\n  query NegativeReviewSupplierGrades {\n    suppliers {\n      code\n      grade\n      qualityPassRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NegativeReviewOpenIncidents {\n    reviewIncidents(status: \"OPEN\") {\n      scopeKey\n      negativeReviews\n      contactTasks {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query NegativeReviewOpenIncidents {\n    reviewIncidents(status: \"OPEN\") {\n      scopeKey\n      negativeReviews\n      contactTasks {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NegativeReviewSkuView($c: String!) {\n    sku(code: $c) {\n      product {\n        code\n      }\n      reviewHealth {\n        negative30d\n        topComplaint\n        inIncident\n      }\n      stock {\n        onHand\n      }\n    }\n  }\n"): (typeof documents)["\n  query NegativeReviewSkuView($c: String!) {\n    sku(code: $c) {\n      product {\n        code\n      }\n      reviewHealth {\n        negative30d\n        topComplaint\n        inIncident\n      }\n      stock {\n        onHand\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentUpsertSupplier($i: UpsertSupplierInput!) {\n    upsertSupplier(input: $i) {\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentUpsertSupplier($i: UpsertSupplierInput!) {\n    upsertSupplier(input: $i) {\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentLinkSkuSupplier($i: LinkSkuSupplierInput!) {\n    linkSkuSupplier(input: $i) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentLinkSkuSupplier($i: LinkSkuSupplierInput!) {\n    linkSkuSupplier(input: $i) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentSetStockPolicy($i: SetStockPolicyInput!) {\n    setStockPolicy(input: $i) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentSetStockPolicy($i: SetStockPolicyInput!) {\n    setStockPolicy(input: $i) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentDraftPurchaseOrders {\n    draftPurchaseOrdersFromSuggestions {\n      id\n      supplierCode\n      lines {\n        skuCode\n        quantityOrdered\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentDraftPurchaseOrders {\n    draftPurchaseOrdersFromSuggestions {\n      id\n      supplierCode\n      lines {\n        skuCode\n        quantityOrdered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentSendPurchaseOrder($id: ID!) {\n    sendPurchaseOrder(id: $id) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentSendPurchaseOrder($id: ID!) {\n    sendPurchaseOrder(id: $id) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentReceivePurchaseOrder($i: ReceivePurchaseOrderInput!) {\n    receivePurchaseOrder(input: $i) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentReceivePurchaseOrder($i: ReceivePurchaseOrderInput!) {\n    receivePurchaseOrder(input: $i) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplenishmentPortfolioSuggestions {\n    portfolioSuggestions {\n      productCode\n      currentRole\n      suggestedRole\n      reason\n    }\n  }\n"): (typeof documents)["\n  query ReplenishmentPortfolioSuggestions {\n    portfolioSuggestions {\n      productCode\n      currentRole\n      suggestedRole\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentAcceptSuggestion($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n      ... on Product {\n        portfolioRole\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentAcceptSuggestion($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n      ... on Product {\n        portfolioRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplenishmentAcceptSuggestionAgain($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ReplenishmentAcceptSuggestionAgain($c: String!) {\n    acceptPortfolioSuggestion(productCode: $c) {\n      __typename\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;