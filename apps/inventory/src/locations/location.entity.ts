import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum LocationKind {
  CENTRAL = 'CENTRAL',
  FRONT = 'FRONT',
  OVERSEAS = 'OVERSEAS',
  BONDED = 'BONDED',
  STORE = 'STORE',
}
registerEnumType(LocationKind, { name: 'LocationKind', description: 'Central warehouse, front warehouse (前置仓), overseas, bonded or store' });

/** A place that holds stock; `regions` are the administrative division codes it serves first. */
@ObjectType()
@Entity()
export class Location {
  @Field(() => String)
  @PrimaryColumn()
  code!: string;

  @Field(() => String)
  @Column()
  name!: string;

  @Field(() => LocationKind)
  @Column({ type: 'text' })
  kind!: LocationKind;

  @Field(() => [String], { description: 'Region code prefixes served first, e.g. "31" for Shanghai' })
  @Column('text', { array: true, default: [] })
  regions!: string[];

  @Field(() => Int, { description: 'Lower is preferred when several locations can fill a line' })
  @Column('integer', { default: 100 })
  priority!: number;
}
