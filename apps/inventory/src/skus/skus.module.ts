import { Module } from '@nestjs/common';
import { KnownSkusHandler } from './known-skus.handler';

@Module({ providers: [KnownSkusHandler] })
export class SkusModule {}
