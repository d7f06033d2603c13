import { Injectable } from '@nestjs/common';
import { UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { Location } from './location.entity';
import type { UpsertLocationInput } from './dto/upsert-location.input';

/** Stock locations: warehouses, stores and the regions they serve first. */
@Injectable()
export class LocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Preferred first. */
  list(): Promise<Location[]> {
    return this.dataSource.getRepository(Location).find({ order: { priority: 'ASC', code: 'ASC' } });
  }

  upsert(ctx: RequestContext, input: UpsertLocationInput): Promise<Location> {
    return this.unitOfWork.run(ctx, (tx) => tx.repo(Location).save(tx.repo(Location).create({ ...input })));
  }
}
