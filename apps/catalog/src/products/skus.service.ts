import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Sku } from './sku.entity';

@Injectable()
export class SkusService {
  constructor(private readonly dataSource: DataSource) {}

  findByCodes(codes: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).findBy({ code: In([...codes]) });
  }

  findByIds(ids: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).findBy({ id: In([...ids]) });
  }

  findByProductIds(productIds: readonly string[]): Promise<Sku[]> {
    return this.dataSource.getRepository(Sku).find({ where: { productId: In([...productIds]) }, order: { code: 'ASC' } });
  }
}
