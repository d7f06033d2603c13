import { Module } from '@nestjs/common';
import { RecommendationsResolver } from './recommendations.resolver';
import { RecommendationsService } from './recommendations.service';

@Module({ providers: [RecommendationsService, RecommendationsResolver] })
export class RecommendationsModule {}
