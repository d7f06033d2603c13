import { Inject, Injectable } from '@nestjs/common';
import { TrackedEventsReceived, type EventEnvelope, type TrackedEventsReceivedPayload } from '@shopops/contracts';
import { OnEventBatch, type TransactionContext } from '@shopops/platform';
import { ExperimentsService } from '../experiments/experiments.service';
import { KpiRollups } from '../kpis/kpi-rollups';
import { EVENT_STORE, type EventStore } from '../store/event-store';

/**
 * Batches from POST /events: the deliveries of one transaction are stored together, once per
 * event id, and only the events stored then are counted into the rollups.
 */
@Injectable()
export class TrackingHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly rollups: KpiRollups,
    private readonly experiments: ExperimentsService,
  ) {}

  @OnEventBatch(TrackedEventsReceived)
  async ingest(tx: TransactionContext, batches: Array<EventEnvelope<TrackedEventsReceivedPayload>>): Promise<void> {
    const stored = await this.store.append(
      tx,
      batches.map((b) => ({ clientId: b.payload.clientId, events: b.payload.events })),
    );
    await this.rollups.addTracked(tx, stored);
    await this.experiments.record(tx, stored);
  }
}
