import { Module } from '@nestjs/common';
import { ConversationsHandler } from './conversations.handler';
import { ConversationsResolver } from './conversations.resolver';

@Module({ providers: [ConversationsHandler, ConversationsResolver] })
export class ConversationsModule {}
