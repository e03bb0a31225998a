/**
 * Webhooks → jobs. A verified delivery is described (src/app/jobs/payload.ts) and recorded with its job
 * in ONE store transaction (`deliveries.record`): once the webhook route answers 202, the job exists on
 * disk (PGlite syncs before returning) or in PostgreSQL, whatever happens to this process next. A
 * redelivery of a recorded delivery — to this instance or another, before or after a restart — is a
 * duplicate and is not judged again; one whose job failed for good is recorded again (that is what a
 * redelivery is for).
 */
import type { DeliveryRepository } from '../../store/types.js';
import { describeEvent, eventNameOf, isIgnored, JUDGE_QUEUE } from './payload.js';

export type IntakeResult =
  /** Recorded, its job queued. */
  | { status: 'queued' }
  /** Recorded before (handled, or in hand): answered, not judged again. */
  | { status: 'duplicate' }
  /** Nothing for the App to do with this event (not recorded). */
  | { status: 'ignored'; reason: string };

/** What the webhook route hands a verified delivery to; throws when it could not be recorded (answer 503). */
export interface Intake {
  accept(delivery: { id: string; event: string }, body: object): Promise<IntakeResult>;
}

export class StoreIntake implements Intake {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async accept(delivery: { id: string; event: string }, body: object): Promise<IntakeResult> {
    const d = describeEvent(delivery.event, body, delivery.id);
    if (isIgnored(d)) return { status: 'ignored', reason: d.ignored };
    const status = await this.deliveries.record(
      { id: delivery.id, event: eventNameOf(d.payload), installation: d.installation, repository: d.repository },
      { queue: JUDGE_QUEUE, payload: d.payload, groupKey: d.groupKey },
    );
    return { status: status === 'new' ? 'queued' : 'duplicate' };
  }
}
