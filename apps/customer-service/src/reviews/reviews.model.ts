import { Directive, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Review {
  @Field(() => String) channel!: string;
  @Field(() => String) reviewId!: string;
  @Field(() => String) orderId!: string;
  @Field(() => String) skuCode!: string;
  @Field(() => Int) rating!: number;
  @Field(() => String) text!: string;
  @Field(() => [String], { description: '买家秀 photos' }) images!: string[];
  @Field(() => String) sentiment!: string;
  @Field(() => String, { nullable: true, description: 'Negative reviews: product-quality, logistics, service-attitude, size-fit, not-as-described, other' })
  category!: string | null;
  @Field(() => Date) reviewedAt!: Date;
}

@ObjectType()
export class ContactTask {
  @Field(() => ID) id!: string;
  @Field(() => String) channel!: string;
  @Field(() => String) reviewId!: string;
  @Field(() => Date, { description: 'The review time plus CS_REVIEW_CONTACT_HOURS' }) dueAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the deadline watch found the reviewer not contacted in time' }) overdueAt!: Date | null;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The buyer was won back (review revised, case resolved)' }) recovered!: boolean | null;
}

@ObjectType()
export class ChecklistItem {
  @Field(() => String) step!: string;
  @Field(() => Boolean) done!: boolean;
}

@ObjectType({ description: 'A ready-to-publish statement of the crisis playbook, filled in for the incident' })
export class IncidentStatement {
  @Field(() => String, { description: 'buyers (product page and replies), platform (marketplace service desk), internal (staff briefing)' }) audience!: string;
  @Field(() => String) text!: string;
}

@ObjectType({ description: 'A spike of negative reviews: the crisis playbook' })
export class ReviewIncident {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'product or shop' }) scope!: string;
  @Field(() => String) scopeKey!: string;
  @Field(() => Int) negativeReviews!: number;
  @Field(() => String) status!: string;
  @Field(() => [ChecklistItem]) checklist!: ChecklistItem[];
  @Field(() => [IncidentStatement]) statements!: IncidentStatement[];
  @Field(() => [ContactTask]) contactTasks!: ContactTask[];
  @Field(() => Float, { description: 'Share of contacted reviewers won back' }) recoveryRate!: number;
  @Field(() => Date) openedAt!: Date;
}

@ObjectType()
export class ReviewHealth {
  @Field(() => Int) reviews!: number;
  @Field(() => Float, { nullable: true }) averageRating!: number | null;
  @Field(() => Int, { description: 'Negative reviews in the last 30 days' }) negative30d!: number;
  @Field(() => String, { nullable: true }) topComplaint!: string | null;
  @Field(() => Boolean, { description: 'An open incident covers this SKU' }) inIncident!: boolean;
}

/** The catalog's Sku, extended with its review health. */
@Directive('@key(fields: "code")')
@ObjectType('Sku')
export class SkuReviews {
  @Field(() => String) code!: string;
}
