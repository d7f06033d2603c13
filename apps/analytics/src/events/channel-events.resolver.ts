import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@shopops/platform';
import { DataSource } from 'typeorm';

@ObjectType()
export class ChannelEventCount {
  @Field(() => String) type!: string;
  @Field(() => Int) count!: number;
}

@Resolver()
export class ChannelEventsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('analyst', 'operator')
  @Query(() => [ChannelEventCount], { description: 'How many channel events of each type were received, optionally for one subject (order id…).' })
  async channelEventCounts(@Args('subject', { type: () => String, nullable: true }) subject?: string): Promise<ChannelEventCount[]> {
    const rows: Array<{ type: string; count: string }> = await this.dataSource.query(
      `SELECT type, count(*) AS count FROM channel_event WHERE ($1::text IS NULL OR subject = $1) GROUP BY type ORDER BY type`,
      [subject ?? null],
    );
    return rows.map((r) => ({ type: r.type, count: Number(r.count) }));
  }
}
