import { Injectable, Logger } from '@nestjs/common';
import { execute, invalidField, Scheduled, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { DuplicateCodeError } from '../products/product-errors';
import { ProductsService } from '../products/products.service';
import { ImportFormat, ImportJob, ImportStatus, type ImportRowError } from './imports.model';
import { parseProductCsv, parseProductJson, productsToCsv, productsToJson, type ExportProduct, type ParsedProduct } from './product-file';

/** The gateway takes request bodies up to 1 MiB; larger ranges go in several imports. */
const MAX_FILE_BYTES = 1024 * 1024 - 4096;
const PROGRESS_EVERY = 50;
/** A job claimed longer ago than this without finishing was left by a stopped worker. */
const STALE_CLAIM = '10 minutes';

interface JobRow {
  id: string;
  format: ImportFormat;
  status: ImportStatus;
  content: string;
  total: number;
  processed: number;
  created: number;
  failed: number;
  errors: ImportRowError[];
  created_at: Date;
  finished_at: Date | null;
}

/**
 * Bulk import as a job: the file is stored with the job, a worker creates its products one
 * transaction each (a bad row never aborts the good ones), progress and per-row errors are kept
 * on the job. A stopped worker's job is taken up again where its progress says.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly products: ProductsService,
  ) {}

  start(ctx: RequestContext, format: ImportFormat, content: string): Promise<ImportJob> {
    if (!content.trim()) throw invalidField('content', 'is empty');
    if (Buffer.byteLength(content) > MAX_FILE_BYTES) throw invalidField('content', 'is larger than 1 MiB: split the file into several imports');
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<JobRow>(tx.em, `INSERT INTO import_job (format, content, actor, request_id) VALUES ($1, $2, $3, $4) RETURNING *`, [
        format,
        content,
        ctx.identity.subject,
        ctx.requestId,
      ]);
      // Started at once where the request landed; the scheduled worker picks up whatever is left.
      tx.afterCommit(() => void this.runQueued(ctx).catch((error: unknown) => this.logger.error(`import ${row.id} failed to start: ${String(error)}`)));
      return toJob(row);
    });
  }

  async job(id: string): Promise<ImportJob | null> {
    const row = await selectRow<JobRow>(this.dataSource, `SELECT * FROM import_job WHERE id = $1`, [id]);
    return row ? toJob(row) : null;
  }

  @Scheduled({ name: 'catalog.product-imports', cron: '*/10 * * * * *' })
  async runQueued(ctx: RequestContext): Promise<void> {
    for (let job = await this.claim(); job; job = await this.claim()) await this.process(ctx, job);
  }

  async export(format: ImportFormat): Promise<string> {
    const products = await selectRows<ExportProduct>(
      this.dataSource,
      `SELECT p.code, p.title, p.subtitle, p.category_code, p.brand, p.keywords, p.tags, p.portfolio_role,
              coalesce((SELECT json_agg(json_build_object('code', s.code, 'list_price_fen', s.list_price_fen, 'options', s.options, 'barcode', s.barcode, 'weight_grams', s.weight_grams) ORDER BY s.code)
                          FROM sku s WHERE s.product_id = p.id AND NOT s.archived), '[]') AS skus
         FROM product p WHERE p.status <> 'ARCHIVED' ORDER BY p.code`,
    );
    return format === ImportFormat.CSV ? productsToCsv(products) : productsToJson(products);
  }

  private claim(): Promise<JobRow | undefined> {
    return selectRow<JobRow>(
      this.dataSource,
      `WITH next AS (
         SELECT id FROM import_job WHERE status = 'QUEUED' OR (status = 'RUNNING' AND claimed_at < now() - $1::interval)
          ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED),
       claimed AS (UPDATE import_job j SET status = 'RUNNING', claimed_at = now() FROM next WHERE j.id = next.id RETURNING j.*)
       SELECT * FROM claimed`,
      [STALE_CLAIM],
    );
  }

  private async process(ctx: RequestContext, job: JobRow): Promise<void> {
    const parsed: ParsedProduct[] = job.format === ImportFormat.CSV ? parseProductCsv(job.content) : parseProductJson(job.content);
    const errors: ImportRowError[] = [...job.errors];
    let { processed, created, failed } = job;
    const save = (done: boolean) =>
      execute(
        this.dataSource,
        `UPDATE import_job SET total = $2, processed = $3, created = $4, failed = $5, errors = $6, claimed_at = now(),
                status = CASE WHEN $7 THEN 'DONE' ELSE status END, finished_at = CASE WHEN $7 THEN now() END WHERE id = $1`,
        [job.id, parsed.length, processed, created, failed, JSON.stringify(errors), done],
      );
    await save(false);
    // Resume after what a previous run already did.
    for (const item of parsed.slice(processed)) {
      const fail = (message: string) => {
        failed++;
        errors.push(...item.rows.map((row) => ({ row, productCode: item.code, message })));
      };
      if ('error' in item) fail(item.error);
      else {
        try {
          const outcome = await this.unitOfWork.run(ctx, (tx) => this.products.createIn(tx, item.input));
          if (outcome instanceof DuplicateCodeError) fail(outcome.message);
          else created++;
        } catch (error) {
          fail(`could not be saved: ${(error as Error).message}`);
        }
      }
      processed++;
      if (processed % PROGRESS_EVERY === 0) await save(false);
    }
    await save(true);
    // A large import changes what the planner should expect of the range.
    if (created >= PROGRESS_EVERY) await execute(this.dataSource, `ANALYZE product`);
  }
}

function toJob(r: JobRow): ImportJob {
  return Object.assign(new ImportJob(), {
    id: r.id,
    format: r.format,
    status: r.status,
    total: r.total,
    processed: r.processed,
    created: r.created,
    failed: r.failed,
    progressPercent: r.total ? Math.floor((100 * r.processed) / r.total) : r.status === ImportStatus.DONE ? 100 : 0,
    errors: r.errors,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  });
}
