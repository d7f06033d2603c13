import { Module } from '@nestjs/common';
import { BuyersHandler } from './buyers.handler';
import { MemberReferenceResolver } from './member-reference.resolver';

@Module({
  providers: [BuyersHandler, MemberReferenceResolver],
})
export class BuyersModule {}
