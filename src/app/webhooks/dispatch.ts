/**
 * The App inside Probot, without a store (the in-process test harness, `probot run`): each verified event
 * is described as the webhook route would describe it for the queue (src/app/jobs/payload.ts) and judged
 * at once; "judge again at" is kept in memory (`RetryQueue`). The server does not come this way: it
 * records deliveries and runs jobs from the store (src/app/jobs/).
 *
 * A handler's error is logged here as one scrubbed line and not passed on: @octokit/webhooks attaches the
 * whole event (PR titles and bodies included) to a handler's error, and Probot's default `onError`, which
 * cannot be unregistered, logs that error at error level.
 */
import type { ApplicationFunction, Probot } from 'probot';
import type { EvaluationOutcome } from '../pipeline/evaluate.js';
import { errorFields } from '../errors.js';
import type { HandlerContext } from '../jobs/handlers.js';
import { describeEvent, isIgnored, PULL_REQUEST_ACTIONS, type JobPayload } from '../jobs/payload.js';
import type { RetryQueue } from '../github/retry.js';

export interface InProcessApp {
  run(payload: JobPayload, ctx: HandlerContext): Promise<EvaluationOutcome>;
}

/** The events the App acts on (app.yml's `default_events`, with the actions it judges). */
export const APP_EVENTS = [
  ...PULL_REQUEST_ACTIONS.map((a) => `pull_request.${a}` as const),
  'push',
  'check_run.rerequested',
  'check_run.requested_action',
  'check_suite.rerequested',
  'installation.created',
  'installation_repositories.added',
] as const;

export function probotApp(app: InProcessApp, retries: RetryQueue): ApplicationFunction {
  return (probot: Probot) => {
    const run = async (payload: JobPayload, ctx: HandlerContext, attempt: number): Promise<void> => {
      const outcome = await app.run(payload, { ...ctx, scope: { attempt } });
      if (!outcome.retryAt) return;
      const key = `${payload.repository.owner}/${payload.repository.name}@${payload.kind}`;
      retries.schedule(key, Math.max(0, outcome.retryAt.getTime() - Date.now()), () =>
        run(payload, ctx, attempt + 1).catch((e: unknown) => ctx.log.error({ event: payload.event, err: errorFields(e) }, 'webhook handler failed')),
      );
    };
    probot.on([...APP_EVENTS], async (c) => {
      const d = describeEvent(c.name, c.payload as object, c.id);
      if (isIgnored(d)) return;
      try {
        // Probot's Context satisfies HandlerContext; the cast spares the handlers Probot's deep generics.
        await run(d.payload, { octokit: c.octokit as unknown as HandlerContext['octokit'], log: c.log }, 0);
      } catch (e) {
        c.log.error({ event: d.payload.event, action: d.payload.action, delivery: c.id, err: errorFields(e) }, 'webhook handler failed');
      }
    });
  };
}
