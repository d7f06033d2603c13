import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class TrackingEvent {
  @Field(() => String) status!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) detail!: string | null;
}

/** A parcel: from the warehouse to the buyer, against the delivery promise. */
@ObjectType()
export class Shipment {
  @Field(() => String) carrier!: string;
  @Field(() => String) trackingNo!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) orderId!: string;
  @Field(() => String, { nullable: true }) locationCode!: string | null;
  @Field(() => String, { description: 'shipped, picked_up, in_transit, out_for_delivery, delivered or exception' }) status!: string;
  @Field(() => Date) shippedAt!: Date;
  @Field(() => Date, { description: 'Shipped time plus the delivery promise (default 3 days)' }) promisedBy!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Boolean, { description: 'Delivered after the promise, or still undelivered past it' }) late!: boolean;
  @Field(() => [TrackingEvent]) events!: TrackingEvent[];
}
