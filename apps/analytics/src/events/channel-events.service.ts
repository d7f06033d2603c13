import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';

@ObjectType()
export class ChannelEventCount {
  @Field(() => String) type!: string;
  @Field(() => Int) count!: number;
}

/** What the channel event log holds. */
@Injectable()
export class ChannelEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async countsByType(subject: string | undefined): Promise<ChannelEventCount[]> {
    const rows = await selectRows<{ type: string; count: string }>(
      this.dataSource,
      `SELECT type, count(*) AS count FROM channel_event WHERE ($1::text IS NULL OR subject = $1) GROUP BY type ORDER BY type`,
      [subject ?? null],
    );
    return rows.map((r) => ({ type: r.type, count: Number(r.count) }));
  }
}
