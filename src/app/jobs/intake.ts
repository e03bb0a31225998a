/**
 * Webhooks → jobs. A verified delivery is described (src/app/jobs/payload.ts) and recorded with its job
 * in ONE store statement (`deliveries.record` / `recordMany`): once the webhook route answers 202, the
 * job exists on disk (PGlite syncs before returning) or in PostgreSQL, whatever happens to this process
 * next. A redelivery of a recorded delivery — to this instance or another, before or after a restart — is
 * a duplicate and is not judged again; one whose job failed for good is recorded again (that is what a
 * redelivery is for). Deliveries arriving together are recorded together (group commit).
 */
import type { DeliveryRepository, DeliveryStatus } from '../../store/types.js';
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

type Item = Parameters<DeliveryRepository['recordMany']>[0][number];

interface Waiting {
  item: Item;
  resolve: (status: DeliveryStatus) => void;
  reject: (e: unknown) => void;
}

/**
 * Records deliveries with group commit: one delivery arriving alone is recorded at once; those that
 * arrive while a record is in flight are recorded together next, in one statement (on PGlite, one sync to
 * disk for the lot), so a burst of 200 costs a few statements rather than 200, and the answers do not
 * queue behind one another's disk syncs.
 */
export class StoreIntake implements Intake {
  private readonly waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly maxBatch = 100,
  ) {}

  async accept(delivery: { id: string; event: string }, body: object): Promise<IntakeResult> {
    const d = describeEvent(delivery.event, body, delivery.id);
    if (isIgnored(d)) return { status: 'ignored', reason: d.ignored };
    const status = await this.record({
      delivery: { id: delivery.id, event: eventNameOf(d.payload), installation: d.installation, repository: d.repository },
      job: { queue: JUDGE_QUEUE, payload: d.payload, groupKey: d.groupKey },
    });
    return { status: status === 'new' ? 'queued' : 'duplicate' };
  }

  private record(item: Item): Promise<DeliveryStatus> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const statuses = await this.deliveries.recordMany(batch.map((w) => w.item));
          batch.forEach((w, i) => w.resolve(statuses[i]!));
        } catch (e) {
          if (batch.length === 1) {
            batch[0]!.reject(e);
            continue;
          }
          // One delivery the store refuses must not cost the others theirs: each on its own.
          await Promise.all(batch.map((w) => this.deliveries.record(w.item.delivery, w.item.job).then(w.resolve, w.reject)));
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
