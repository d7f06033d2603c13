import { Inject, Injectable } from '@nestjs/common';
import { ProductUpdated } from '@shopops/contracts';
import { execute, InvalidStateError, NotFoundError, refuse, selectRows, UnitOfWork, type Queryable, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CATALOG_CONFIG, type CatalogConfig } from '../catalog.config';
import { MediaIncompleteError } from './media-errors';
import { LifecycleStageValue, ProductStatus, type Product } from '../products/product.entity';
import { changePayload, ProductWriter } from '../products/product-writer';
import { MediaCompleteness, MediaKind, ProductMedia, type AddProductMediaInput } from './media.model';

interface MediaRow {
  product_id: string;
  kind: MediaKind;
  url: string;
  width: number;
  height: number;
  duration_seconds: number | null;
  position: number;
}

interface CountRow {
  product_id: string;
  code: string;
  images: number;
  qualifying: number;
  videos: number;
}

/** Images and videos per product, the media standard, and publishing (which needs the standard met). */
@Injectable()
export class MediaService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
    private readonly writer: ProductWriter,
    @Inject(CATALOG_CONFIG) private readonly config: CatalogConfig,
  ) {}

  addMedia(ctx: RequestContext, input: AddProductMediaInput): Promise<Product | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const product = await this.writer.lock(tx, input.productCode);
      await execute(
        tx.em,
        `INSERT INTO product_media (product_id, kind, url, width, height, duration_seconds, position)
         SELECT $1, kind, url, width, height, duration, position FROM unnest($2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[]) AS t(kind, url, width, height, duration, position)
         ON CONFLICT (product_id, url) DO UPDATE SET kind = EXCLUDED.kind, width = EXCLUDED.width, height = EXCLUDED.height, duration_seconds = EXCLUDED.duration_seconds, position = EXCLUDED.position`,
        [
          product.id,
          input.media.map((m) => m.kind),
          input.media.map((m) => m.url),
          input.media.map((m) => m.width),
          input.media.map((m) => m.height),
          input.media.map((m) => m.durationSeconds ?? null),
          input.media.map((m, i) => m.position ?? i),
        ],
      );
      return this.writer.recordVersion(tx, product.id, `media added: ${input.media.length}`);
    });
  }

  removeMedia(ctx: RequestContext, productCode: string, url: string): Promise<Product | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const product = await this.writer.lock(tx, productCode);
      const removed = await selectRows<{ id: string }>(
        tx.em,
        `WITH gone AS (DELETE FROM product_media WHERE product_id = $1 AND url = $2 RETURNING id) SELECT id FROM gone`,
        [product.id, url],
      );
      if (!removed.length) refuse(NotFoundError.of('Media', url));
      return this.writer.recordVersion(tx, product.id, `media removed: ${url}`);
    });
  }

  /** DRAFT → ON_SALE, only when the media standard is met and the product has not exited. */
  publish(ctx: RequestContext, code: string): Promise<Product | NotFoundError | MediaIncompleteError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const product = await this.writer.lock(tx, code);
      if (product.status === ProductStatus.ON_SALE) return product;
      if (product.status === ProductStatus.ARCHIVED || product.lifecycleStage === LifecycleStageValue.EXIT) {
        refuse(InvalidStateError.of('Product', product.status === ProductStatus.ARCHIVED ? product.status : product.lifecycleStage, 'go on sale'));
      }
      const [completeness] = this.assess(await this.counts(tx.em, [product.id]));
      if (!completeness.complete) refuse(MediaIncompleteError.of(completeness.missing));
      await execute(tx.em, `UPDATE product SET status = 'ON_SALE' WHERE id = $1`, [product.id]);
      const published = await this.writer.recordVersion(tx, product.id, 'published');
      tx.emit(ProductUpdated, changePayload(published, ['status']));
      return published;
    });
  }

  async mediaOf(productIds: readonly string[]): Promise<Array<ProductMedia & { productId: string }>> {
    const rows = await selectRows<MediaRow>(
      this.dataSource,
      `SELECT product_id, kind, url, width, height, duration_seconds, position FROM product_media WHERE product_id = ANY($1::uuid[]) ORDER BY kind, position, url`,
      [productIds],
    );
    return rows.map((r) =>
      Object.assign(new ProductMedia(), {
        productId: r.product_id,
        kind: r.kind,
        url: r.url,
        width: r.width,
        height: r.height,
        durationSeconds: r.duration_seconds,
        position: r.position,
      }),
    );
  }

  async completenessOf(productIds: readonly string[]): Promise<Array<MediaCompleteness & { productId: string }>> {
    return this.assess(await this.counts(this.dataSource, productIds));
  }

  /** The whole range (not archived), incomplete first. */
  async report(onlyIncomplete: boolean, first: number): Promise<MediaCompleteness[]> {
    const ids = await selectRows<{ id: string }>(this.dataSource, `SELECT id FROM product WHERE status <> 'ARCHIVED' ORDER BY code`);
    const all = await this.completenessOf(ids.map((r) => r.id));
    return all
      .filter((c) => !onlyIncomplete || !c.complete)
      .sort((a, b) => Number(a.complete) - Number(b.complete) || a.productCode.localeCompare(b.productCode))
      .slice(0, first);
  }

  private counts(db: Queryable, productIds: readonly string[]): Promise<CountRow[]> {
    return selectRows<CountRow>(
      db,
      `SELECT p.id AS product_id, p.code,
              count(m.id) FILTER (WHERE m.kind = 'IMAGE')::int AS images,
              count(m.id) FILTER (WHERE m.kind = 'IMAGE' AND least(m.width, m.height) >= $2)::int AS qualifying,
              count(m.id) FILTER (WHERE m.kind = 'VIDEO')::int AS videos
         FROM product p LEFT JOIN product_media m ON m.product_id = p.id
        WHERE p.id = ANY($1::uuid[]) GROUP BY p.id, p.code`,
      [productIds, this.config.media.minImagePixels],
    );
  }

  private assess(rows: CountRow[]): Array<MediaCompleteness & { productId: string }> {
    const { minImages, minImagePixels, minVideos } = this.config.media;
    return rows.map((r) => {
      const missing: string[] = [];
      if (r.qualifying < minImages)
        missing.push(`${minImages - r.qualifying} more image${minImages - r.qualifying > 1 ? 's' : ''} of at least ${minImagePixels} px`);
      if (r.videos < minVideos) missing.push(`${minVideos - r.videos} more video${minVideos - r.videos > 1 ? 's' : ''}`);
      return Object.assign(new MediaCompleteness(), {
        productId: r.product_id,
        productCode: r.code,
        complete: missing.length === 0,
        qualifyingImages: r.qualifying,
        images: r.images,
        videos: r.videos,
        missing,
      });
    });
  }
}
