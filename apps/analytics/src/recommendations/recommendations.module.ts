import { Module } from '@nestjs/common';
import { MemberTiersHandler } from './member-tiers.handler';
import { RecommendationsResolver } from './recommendations.resolver';
import { RecommendationsService } from './recommendations.service';

@Module({ providers: [RecommendationsService, RecommendationsResolver, MemberTiersHandler] })
export class RecommendationsModule {}
