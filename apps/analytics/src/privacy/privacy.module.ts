import { Module } from '@nestjs/common';
import { MemberErasureHandler } from './member-erasure.handler';

@Module({ providers: [MemberErasureHandler] })
export class PrivacyModule {}
