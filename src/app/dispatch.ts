/**
 * Verified events → the App's handlers, without Probot logging payloads. @octokit/webhooks attaches the
 * whole event (PR titles and bodies included) to a handler's error, and Probot's default `onError`, which
 * cannot be unregistered, logs that error at error level. So:
 * - every handler the App registers is wrapped: its error is kept for `dispatch`'s caller (who logs one
 *   line with `errorFields`) and never reaches Probot's error handler;
 * - the event handed to `webhooks.receive` has a non-enumerable payload, so whatever still serialises
 *   the event (an error in Probot's own transform) shows its id and name, not the payload;
 * - `probot.receive` is not used: it logs the whole event at debug level.
 */
import type { Probot } from 'probot';

type Handler = (context: { id?: string }) => unknown;

interface Registrations {
  on: (names: unknown, handler: Handler) => void;
  onAny: (handler: Handler) => void;
}

export class EventDispatch {
  /** The first error of each delivery being dispatched, by delivery id. */
  private readonly failures = new Map<string, unknown>();

  /** Call before `probot.load(app)`: only handlers registered afterwards are wrapped. */
  constructor(private readonly probot: Probot) {
    const r = probot as unknown as Registrations;
    const on = r.on;
    const onAny = r.onAny;
    r.on = (names, handler) => on(names, this.guard(handler));
    r.onAny = (handler) => onAny(this.guard(handler));
  }

  private guard(handler: Handler): Handler {
    return async (context) => {
      try {
        await handler(context);
      } catch (e) {
        const id = context.id ?? '';
        if (!this.failures.has(id)) this.failures.set(id, e);
      }
    };
  }

  /** Runs every handler of the event; rejects with the first handler's error. One delivery id at a time. */
  async dispatch(id: string, name: string, payload: object): Promise<void> {
    const event = { id, name } as { id: string; name: string; payload: object };
    Object.defineProperty(event, 'payload', { value: payload, enumerable: false });
    let rejected: { error: unknown } | undefined;
    try {
      await this.probot.webhooks.receive(event as Parameters<Probot['webhooks']['receive']>[0]);
    } catch (e) {
      rejected = { error: e };
    }
    const failure = this.failures.has(id) ? { error: this.failures.get(id) } : rejected;
    this.failures.delete(id);
    if (failure) throw failure.error;
  }
}
