import { Module } from '@nestjs/common';
import { BuyerEventsHandler } from './buyer-events.handler';
import { MembersResolver } from './members.resolver';
import { MembersService } from './members.service';

@Module({ providers: [MembersService, MembersResolver, BuyerEventsHandler], exports: [MembersService] })
export class MembersModule {}
