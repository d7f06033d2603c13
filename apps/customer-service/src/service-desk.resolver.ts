import { Args, createUnionType, Directive, Field, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { byResultClass, alignByKey, Ctx, groupByKey, invalidField, InvalidStateError, Loaders, NotFoundError, Public, Roles, type LoaderRegistry, type RequestContext } from '@shopops/platform';
import { requireId } from './ids';
import { AfterSalesCase, CaseActionInput, IllegalCaseActionError, OpenCaseInput, RefundExceedsOrderError } from './after-sales/after-sales.model';
import { AfterSalesService } from './after-sales/after-sales.service';
import { Agent, AgentInput } from './agents/agents.model';
import { AgentsService } from './agents/agents.service';
import { Conversation } from './conversations/conversation.model';
import { ConversationQueries } from './conversations/conversation.queries';
import { Dispute, DisputesService, OpenDisputeInput } from './disputes/disputes.service';
import { Article, ArticleInput, BotAnswer, KnowledgeService } from './knowledge/knowledge.service';
import { ServiceMetrics, ServiceMetricsService, Survey } from './metrics/service-metrics';
import { QualityIssue, QualityService } from './quality/quality.service';
import { ContactTask, Review, ReviewHealth, ReviewIncident, SkuReviews } from './reviews/reviews.model';
import { ReviewsService } from './reviews/reviews.service';

export const OpenCaseResult = createUnionType({ name: 'OpenCaseResult', types: () => [AfterSalesCase, NotFoundError, RefundExceedsOrderError] as const, resolveType: byResultClass });
export const CaseActionResult = createUnionType({ name: 'CaseActionResult', types: () => [AfterSalesCase, NotFoundError, IllegalCaseActionError] as const, resolveType: byResultClass });
export const DecideDisputeResult = createUnionType({ name: 'DecideDisputeResult', types: () => [Dispute, NotFoundError, InvalidStateError] as const, resolveType: byResultClass });
export const ContactTaskResult = createUnionType({ name: 'ContactTaskResult', types: () => [ContactTask, NotFoundError, InvalidStateError] as const, resolveType: byResultClass });
export const SurveyResult = createUnionType({ name: 'SurveyResult', types: () => [Survey, NotFoundError, InvalidStateError] as const, resolveType: byResultClass });
export const DedicatedAgentResult = createUnionType({ name: 'DedicatedAgentResult', types: () => [Agent, NotFoundError] as const, resolveType: byResultClass });

const STAFF = ['cs_agent', 'operator'] as const;

/** Agents, the knowledge base, after-sales, disputes, reviews, quality and service metrics. */
@Resolver()
export class ServiceDeskResolver {
  constructor(
    private readonly agentsService: AgentsService,
    private readonly knowledgeService: KnowledgeService,
    private readonly afterSalesService: AfterSalesService,
    private readonly disputesService: DisputesService,
    private readonly reviewsService: ReviewsService,
    private readonly qualityService: QualityService,
    private readonly metricsService: ServiceMetricsService,
  ) {}

  @Roles('operator')
  @Mutation(() => Agent, { description: 'Creates or changes an agent: skills (pre-sales, after-sales, complaint…) and capacity.' })
  upsertAgent(@Ctx() ctx: RequestContext, @Args('input') input: AgentInput) {
    return this.agentsService.upsert(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => DedicatedAgentResult, { description: 'A top-tier member’s dedicated agent.' })
  setDedicatedAgent(@Ctx() ctx: RequestContext, @Args('memberId', { type: () => ID }) memberId: string, @Args('agentCode') agentCode: string) {
    requireId('memberId', memberId);
    return this.agentsService.setDedicatedAgent(ctx, memberId, agentCode);
  }

  @Roles(...STAFF)
  @Query(() => [Agent])
  agents() {
    return this.agentsService.list();
  }

  @Roles(...STAFF)
  @Query(() => [Article])
  knowledgeArticles() {
    return this.knowledgeService.articles();
  }

  @Roles('operator')
  @Mutation(() => Article, { description: 'Creates or changes an FAQ article or standard reply, by intent.' })
  upsertKnowledgeArticle(@Ctx() ctx: RequestContext, @Args('input') input: ArticleInput) {
    return this.knowledgeService.upsert(ctx, input);
  }

  @Roles(...STAFF)
  @Query(() => BotAnswer, { description: 'What the bot would answer to a question, and why not when it would hand over.' })
  async askBot(@Args('question') question: string): Promise<BotAnswer> {
    if (!question.trim() || question.length > 2000) throw invalidField('question', 'must be 1 to 2000 characters');
    return this.knowledgeService.toView(await this.knowledgeService.ask(question));
  }

  @Roles(...STAFF)
  @Mutation(() => OpenCaseResult, { description: 'Opens a return, refund-only or exchange case; trusted members’ small claims are fast-tracked.' })
  openAfterSalesCase(@Ctx() ctx: RequestContext, @Args('input') input: OpenCaseInput) {
    return this.afterSalesService.open(ctx, input);
  }

  @Roles(...STAFF, 'warehouse')
  @Mutation(() => CaseActionResult, { description: 'approve, reject, book-pickup, receive (stock back via inventory), refund, reship, cancel' })
  actOnAfterSalesCase(@Ctx() ctx: RequestContext, @Args('input') input: CaseActionInput) {
    return this.afterSalesService.act(ctx, input);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [AfterSalesCase])
  afterSalesCases(@Args('first', { type: () => Int, defaultValue: 50 }) first: number, @Args('status', { type: () => String, nullable: true }) status?: string, @Args('orderId', { type: () => String, nullable: true }) orderId?: string) {
    if (first < 1 || first > 200) throw invalidField('first', 'must be 1 to 200');
    return this.afterSalesService.cases({ status, orderId }, first);
  }

  @Roles(...STAFF)
  @Mutation(() => Dispute, { description: 'Opens a dispute: ordinary ones are decided by rules at once, large or complex ones queue for experts.' })
  openDispute(@Ctx() ctx: RequestContext, @Args('input') input: OpenDisputeInput) {
    return this.disputesService.open(ctx, input);
  }

  @Roles('operator')
  @Mutation(() => DecideDisputeResult, { description: 'An expert decides a queued dispute.' })
  decideDispute(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision') decision: string,
    @Args('note') note: string,
    @Args('compensationFen', { type: () => Int, defaultValue: 0 }) compensationFen: number,
  ) {
    requireId('id', id);
    if (decision !== 'BUYER' && decision !== 'SELLER') throw invalidField('decision', 'must be BUYER or SELLER');
    if (!note.trim()) throw invalidField('note', 'must say why');
    if (compensationFen < 0) throw invalidField('compensationFen', 'must be 0 or more');
    return this.disputesService.decide(ctx, id, decision, note, compensationFen);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [Dispute])
  disputes(@Args('first', { type: () => Int, defaultValue: 50 }) first: number, @Args('status', { type: () => String, nullable: true }) status?: string) {
    return this.disputesService.list(status, first);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [Review], { description: 'Reviews of a SKU, newest first.' })
  reviewsForSku(@Args('skuCode') skuCode: string) {
    return this.reviewsService.reviewsOf(skuCode);
  }

  @Roles(...STAFF, 'analyst')
  @Query(() => [ReviewIncident], { description: 'Negative-review spikes with their checklist, contact tasks and recovery' })
  reviewIncidents(@Args('status', { type: () => String, nullable: true }) status?: string) {
    return this.reviewsService.incidents(status);
  }

  @Roles(...STAFF)
  @Mutation(() => ContactTaskResult, { description: 'Records the contact with a negative reviewer and whether they were won back.' })
  completeContactTask(@Ctx() ctx: RequestContext, @Args('taskId', { type: () => ID }) taskId: string, @Args('outcome') outcome: string, @Args('recovered') recovered: boolean) {
    requireId('taskId', taskId);
    if (!outcome.trim() || outcome.length > 1000) throw invalidField('outcome', 'must be 1 to 1000 characters');
    return this.reviewsService.completeTask(ctx, taskId, outcome, recovered);
  }

  @Roles(...STAFF, 'analyst', 'warehouse')
  @Query(() => [QualityIssue])
  qualityIssues(@Args('skuCode', { type: () => String, nullable: true }) skuCode?: string) {
    return this.qualityService.issues(skuCode);
  }

  @Roles(...STAFF, 'member')
  @Mutation(() => SurveyResult, { description: 'The buyer’s CSAT (1–5) and NPS (0–10) after resolution.' })
  answerSurvey(
    @Ctx() ctx: RequestContext,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('csat', { type: () => Int }) csat: number,
    @Args('nps', { type: () => Int, nullable: true }) nps?: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ) {
    requireId('conversationId', conversationId);
    if (csat < 1 || csat > 5) throw invalidField('csat', 'must be 1 to 5');
    if (nps !== undefined && nps !== null && (nps < 0 || nps > 10)) throw invalidField('nps', 'must be 0 to 10');
    return this.metricsService.answer(ctx, conversationId, csat, nps ?? null, comment ?? null);
  }

  @Roles('operator', 'analyst', 'cs_agent')
  @Query(() => ServiceMetrics, { description: 'Response times, resolution rate, CSAT, NPS, auto-answer rate, SLA breaches — overall, per agent and per channel' })
  serviceMetrics(@Args('days', { type: () => Int, defaultValue: 30 }) days: number) {
    if (days < 1 || days > 366) throw invalidField('days', 'must be 1 to 366');
    return this.metricsService.metrics(days);
  }
}

/** Membership's Member, extended with its conversations and after-sales cases. */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberService {
  @Field(() => ID) id!: string;
}

@Resolver(() => MemberService)
export class MemberServiceResolver {
  constructor(
    private readonly conversationQueries: ConversationQueries,
    private readonly afterSalesService: AfterSalesService,
  ) {}

  @Roles(...STAFF)
  @ResolveField(() => [Conversation])
  serviceConversations(@Parent() m: MemberService, @Loaders() loaders: LoaderRegistry): Promise<Conversation[]> {
    return loaders.get<string, Conversation[]>('conversationsByMember', async (ids) => groupByKey(ids, await this.conversationQueries.list({ memberIds: ids }, 500), (c) => c.memberId ?? '')).load(m.id);
  }

  @Roles(...STAFF)
  @ResolveField(() => [AfterSalesCase])
  afterSalesCases(@Parent() m: MemberService, @Loaders() loaders: LoaderRegistry): Promise<AfterSalesCase[]> {
    return loaders.get<string, AfterSalesCase[]>('casesByMember', async (ids) => groupByKey(ids, await this.afterSalesService.cases({ memberIds: ids }, 500), (c) => c.memberId ?? '')).load(m.id);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { id: string }): MemberService {
    return Object.assign(new MemberService(), { id: reference.id });
  }
}

@Resolver(() => SkuReviews)
export class SkuReviewsResolver {
  constructor(private readonly reviewsService: ReviewsService) {}

  @Roles(...STAFF, 'analyst', 'operator')
  @ResolveField(() => ReviewHealth, { description: 'Ratings, negative reviews in 30 days, the top complaint, whether an incident is open' })
  reviewHealth(@Parent() sku: SkuReviews, @Loaders() loaders: LoaderRegistry): Promise<ReviewHealth | undefined> {
    return loaders.get<string, ReviewHealth | undefined>('reviewHealthBySku', async (codes) => alignByKey(codes, await this.reviewsService.healthOf(codes), (h) => h.skuCode)).load(sku.code);
  }

  @Public()
  @ResolveReference()
  resolveReference(reference: { code: string }): SkuReviews {
    return Object.assign(new SkuReviews(), { code: reference.code });
  }
}

