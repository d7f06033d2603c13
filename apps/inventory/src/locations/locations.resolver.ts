import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles, type RequestContext } from '@shopops/platform';
import { UpsertLocationInput } from './dto/upsert-location.input';
import { Location } from './location.entity';
import { LocationsService } from './locations.service';

@Resolver(() => Location)
export class LocationsResolver {
  constructor(private readonly locationsService: LocationsService) {}

  @Roles('operator', 'warehouse', 'analyst')
  @Query(() => [Location], { description: 'Every stock location, preferred first.' })
  locations(): Promise<Location[]> {
    return this.locationsService.list();
  }

  @Roles('admin')
  @Mutation(() => Location, { description: 'Adds a location (front warehouse, store, bonded…) or changes one.' })
  upsertLocation(@Ctx() ctx: RequestContext, @Args('input') input: UpsertLocationInput): Promise<Location> {
    return this.locationsService.upsert(ctx, input);
  }
}
