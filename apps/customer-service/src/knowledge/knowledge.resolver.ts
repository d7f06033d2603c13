import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, invalidField, Roles, type RequestContext } from '@shopops/platform';
import { STAFF } from '../roles';
import { Article, ArticleInput, BotAnswer } from './knowledge.model';
import { KnowledgeService } from './knowledge.service';

@Resolver(() => Article)
export class KnowledgeResolver {
  constructor(private readonly knowledgeService: KnowledgeService) {}

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
}
