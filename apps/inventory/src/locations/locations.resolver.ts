import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { Location } from './location.entity';

@Resolver(() => Location)
export class LocationsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('operator', 'warehouse', 'analyst')
  @Query(() => [Location], { description: 'Every stock location, preferred first.' })
  locations(): Promise<Location[]> {
    return this.dataSource.getRepository(Location).find({ order: { priority: 'ASC', code: 'ASC' } });
  }
}
