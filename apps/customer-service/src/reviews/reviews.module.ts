import { Module } from '@nestjs/common';
import { ReviewsHandler } from './reviews.handler';
import { ReviewsResolver } from './reviews.resolver';

@Module({ providers: [ReviewsHandler, ReviewsResolver] })
export class ReviewsModule {}
