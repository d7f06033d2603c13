import { Module } from '@nestjs/common';
import { PII_VAULT, PiiVault } from '@shopops/platform';
import { MemberErasureHandler } from './member-erasure.handler';

@Module({ providers: [MemberErasureHandler, { provide: PII_VAULT, useFactory: () => PiiVault.fromEnv() }] })
export class PrivacyModule {}
