import { Module } from '@nestjs/common';
import { EVENT_STORE } from './event-store';
import { PostgresEventStore } from './postgres-event-store';

@Module({ providers: [PostgresEventStore, { provide: EVENT_STORE, useExisting: PostgresEventStore }], exports: [EVENT_STORE] })
export class EventStoreModule {}
