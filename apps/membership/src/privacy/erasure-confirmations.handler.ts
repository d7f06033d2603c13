import { Injectable } from '@nestjs/common';
import { ERASURE_CONFIRMATIONS, type EventEnvelope, type MemberErasureConfirmedPayload } from '@shopops/contracts';
import { OnEvent, type TransactionContext } from '@shopops/platform';
import { MemberErasureService } from './member-erasure.service';

/** The services' confirmations that they erased what they held, for the erasure's receipt. */
@Injectable()
export class ErasureConfirmationsHandler {
  constructor(private readonly erasure: MemberErasureService) {}

  @OnEvent(...Object.values(ERASURE_CONFIRMATIONS))
  async confirmed(tx: TransactionContext, event: EventEnvelope<MemberErasureConfirmedPayload>): Promise<void> {
    // The service is the one that owns the event type, whatever the envelope says.
    const service = Object.values(ERASURE_CONFIRMATIONS).find((d) => d.type === event.type)?.producer as string;
    await this.erasure.confirm(tx, event.payload.requestId, service, event.occurredAt);
  }
}
