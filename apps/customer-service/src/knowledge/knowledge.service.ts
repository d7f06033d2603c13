import { Inject, Injectable } from '@nestjs/common';
import { selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { decide, type AutoAnswerDecision } from './auto-answer.policy';
import { KnowledgeIndex } from './knowledge-index';
import { Article, BotAnswer, type ArticleInput } from './knowledge.model';

interface ArticleRow {
  id: string;
  intent: string;
  title: string;
  answer: string;
  questions: string[];
}

/** The knowledge base and the index the bot answers from; the index is rebuilt when articles change. */
@Injectable()
export class KnowledgeService {
  private index: { version: string; index: KnowledgeIndex } | undefined;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  async articles(): Promise<Article[]> {
    const rows = await selectRows<ArticleRow>(this.dataSource, `SELECT id, intent, title, answer, questions FROM kb_article WHERE active ORDER BY intent`);
    return rows.map(toArticle);
  }

  upsert(ctx: RequestContext, input: ArticleInput): Promise<Article> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<ArticleRow>(
        tx.em,
        `INSERT INTO kb_article (intent, title, answer, questions) VALUES ($1, $2, $3, $4)
         ON CONFLICT (intent) DO UPDATE SET title = EXCLUDED.title, answer = EXCLUDED.answer, questions = EXCLUDED.questions, active = true, updated_at = clock_timestamp()
         RETURNING id, intent, title, answer, questions`,
        [input.intent, input.title, input.answer, input.questions],
      );
      return toArticle(row);
    });
  }

  /** What the bot would do with a question. */
  async ask(question: string): Promise<AutoAnswerDecision> {
    const index = await this.currentIndex();
    return decide(question, index.match(question), this.config.autoAnswer);
  }

  toView(decision: AutoAnswerDecision): BotAnswer {
    const article = decision.answer?.article;
    return Object.assign(new BotAnswer(), {
      answered: Boolean(article),
      intent: article?.intent ?? null,
      answer: article?.answer ?? null,
      confidence: decision.confidence,
      sentiment: decision.sentiment,
      handoverReason: decision.handoverReason,
    });
  }

  /** Rebuilt only when an article changed (any process may have changed it). */
  private async currentIndex(): Promise<KnowledgeIndex> {
    const [{ version }] = await selectRows<{ version: string }>(
      this.dataSource,
      `SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS version FROM kb_article WHERE active`,
    );
    if (this.index?.version !== version) {
      this.index = { version, index: new KnowledgeIndex(await this.articles()) };
    }
    return this.index.index;
  }
}

function toArticle(r: ArticleRow): Article {
  return Object.assign(new Article(), r);
}
