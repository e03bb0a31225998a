/**
 * The rotation sweep: rotation falls due while nobody touches the code, so on a schedule (and from the
 * command line, `npm run sweep`) every installed repository's token inventory is read from its default
 * branch, judged with the merged org + repository policy, and kept in step with one reminder issue per
 * credential that is due soon, overdue or expired, plus one for the secrets workflows use without an
 * entry. Reminders are edited only when something changed, commented on only when their state
 * changes, and closed when the inventory records the rotation (or drops the entry).
 *
 * Cost: installations and repositories one after the other (a small concurrency within one
 * installation), one contents request for a repository without an inventory, and writes only where a
 * reminder changes — through the App's client, so writes are paced per installation and rate limits
 * are waited out. Safety across processes: a per-repository lease (`lease.ts`: in the store when one is
 * given, else a label) around the writes, and convergence to one open reminder per credential (`plan.ts`).
 */
import { levelFor } from '../../engine/policy/level.js';
import type { Finding } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import type { ResolvedPolicy } from '../../engine/policy/types.js';
import { allRules } from '../../engine/registry.js';
import { exceptionMatches } from '../../engine/scan.js';
import { initEngine } from '../../engine/init.js';
import {
  credentialStatuses,
  INVENTORY_PATHS,
  isoDay,
  isWorkflowFile,
  parseInventory,
  referencedSecrets,
  RULE_IDS,
  statusOptionsFromPolicy,
  type CredentialStatus,
} from '../../engine/inventory/index.js';
import { comment, createIssue, fullName, parseFullName, readTextFile, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';
import { describeError, errorFields } from '../errors.js';
import { mapLimit } from '../limit.js';
import { readPolicySources, resolveSources } from '../pipeline/policy-source.js';
import { ISSUE_LABEL } from '../../report/issue.js';
import { desiredReminders, type Reminder, type ReminderState, type RepoContext } from './reminders.js';
import { contentCost, planReminders, type Action, type ExistingIssue } from './plan.js';
import { listDirectory, listInstallationRepos, listInstallations, issueState, listIssuesWithLabel, updateIssue, type RepoInfo } from './github.js';
import { DEFAULT_LEASE_MS, DEFAULT_STORE_LEASE_MS, takeLease, takeStoreLease } from './lease.js';
import { leaseOwner } from '../effects/locks.js';
import type { Store } from '../../store/index.js';
import { recordReminder } from '../../audit/records.js';
import type { AuditStore, IssueWritten } from '../../audit/types.js';

export interface SweepLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SweepOptions {
  /** The App's client (no id: JWT, to list installations) or an installation's. Probot's `auth`. */
  auth(installationId?: number): Promise<GitHubClient>;
  log: SweepLogger;
  /** "Today" (UTC date) for every credential of the run. */
  now?: () => Date;
  rules?: readonly Rule[];
  /** Repositories of one installation swept at once (reads in parallel; writes stay paced). Default 2. */
  concurrency?: number;
  /** Issues and comments one run may create (GitHub limits content creation per hour); the rest wait for the next run. Default 300. */
  maxContentWrites?: number;
  /** How long a lease holds if its holder dies (default 15 min for a label lease, 2 min for a store lease). */
  leaseMs?: number;
  /** Leases in the store (`store.leases`, shared by every instance) instead of labels on GitHub. */
  store?: Pick<Store, 'instanceId' | 'leases'>;
  /** The audit trail: one record per reminder opened, updated or closed (none without a store). */
  audit?: AuditStore;
  /** Plan and report, write nothing. */
  dryRun?: boolean;
  /** Only these repositories (`owner/name`, any case). */
  repositories?: readonly string[];
}

export type SkipReason = 'archived' | 'no-inventory' | 'policy-error' | 'reminders-off' | 'issues-disabled' | 'inventory-invalid' | 'leased' | 'suspended';

export interface PlannedWrite {
  repository: string;
  home: string;
  kind: Action['kind'];
  key: string;
  issue?: number;
  title?: string;
}

export interface SweepSummary {
  today: string;
  startedAt: string;
  ms: number;
  installations: number;
  repositories: number;
  inventories: number;
  opened: number;
  updated: number;
  commented: number;
  reopened: number;
  closed: number;
  duplicates: number;
  /** Writes left for the next run (content budget). */
  deferred: number;
  skipped: Partial<Record<SkipReason, number>>;
  failed: Array<{ repository: string; error: string }>;
  /** Stopped before the end (shutdown). */
  stopped: boolean;
  /** Dry run: what would have been written. */
  planned: PlannedWrite[];
}

const MAX_WORKFLOWS = 200;

/** Runs sweeps, one at a time per process. */
export class Sweeper {
  private current: Promise<SweepSummary> | undefined;
  private stopping = false;

  constructor(private readonly opts: SweepOptions) {}

  get running(): boolean {
    return !!this.current;
  }

  /** Start a sweep; undefined when one is already running in this process. */
  run(overrides: Pick<SweepOptions, 'repositories' | 'dryRun'> = {}): Promise<SweepSummary> | undefined {
    if (this.current) return undefined;
    this.stopping = false;
    const p = runSweep({ ...this.opts, ...overrides }, () => this.stopping).finally(() => {
      this.current = undefined;
    });
    this.current = p;
    return p;
  }

  /** Stop after the repository in hand; wait up to `graceMs`. True when no sweep is left running. */
  async stop(graceMs: number): Promise<boolean> {
    this.stopping = true;
    const p = this.current;
    if (!p) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      p.then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs))),
    ]);
    clearTimeout(timer);
    return done;
  }
}

interface Run {
  o: SweepOptions;
  today: Date;
  knownRules: string[];
  rules: readonly Rule[];
  summary: SweepSummary;
  /** Reminder listings per issue repository, for deciding whether anything needs writing. */
  listings: Map<string, ExistingIssue[]>;
  budget: number;
  stop(): boolean;
  /** Holder of this run's store leases. */
  owner: string;
}

export async function runSweep(o: SweepOptions, stop: () => boolean = () => false): Promise<SweepSummary> {
  await initEngine();
  const started = Date.now();
  const today = (o.now ?? (() => new Date()))();
  const rules = o.rules ?? allRules;
  const summary: SweepSummary = {
    today: isoDay(today),
    startedAt: new Date(started).toISOString(),
    ms: 0,
    installations: 0,
    repositories: 0,
    inventories: 0,
    opened: 0,
    updated: 0,
    commented: 0,
    reopened: 0,
    closed: 0,
    duplicates: 0,
    deferred: 0,
    skipped: {},
    failed: [],
    stopped: false,
    planned: [],
  };
  const run: Run = {
    o,
    today,
    rules,
    knownRules: rules.map((r) => r.meta.id),
    summary,
    listings: new Map(),
    budget: o.maxContentWrites ?? 300,
    stop,
    owner: leaseOwner(o.store?.instanceId ?? 'sweep', 'sweep'),
  };
  const only = o.repositories?.length ? new Set(o.repositories.map((r) => r.toLowerCase())) : undefined;
  o.log.info({ today: summary.today, dryRun: !!o.dryRun, only: o.repositories }, 'rotation sweep started');

  const app = await o.auth();
  for (const inst of await listInstallations(app)) {
    if (stop()) break;
    if (inst.suspended) {
      skip(run, 'suspended');
      continue;
    }
    let gh: GitHubClient;
    let repos: RepoInfo[];
    try {
      gh = await o.auth(inst.id);
      repos = await listInstallationRepos(gh);
    } catch (e) {
      o.log.warn({ err: errorFields(e), installation: inst.id, account: inst.account }, 'rotation sweep: could not list the repositories of an installation');
      summary.failed.push({ repository: `installation ${inst.id} (${inst.account})`, error: describeError(e) });
      continue;
    }
    summary.installations++;
    const mine = only ? repos.filter((r) => only.has(fullName(r).toLowerCase())) : repos;
    await mapLimit(mine, Math.max(1, o.concurrency ?? 2), async (repo) => {
      if (stop()) return;
      summary.repositories++;
      try {
        await sweepRepository(run, gh, repo, inst.id);
      } catch (e) {
        o.log.warn({ err: errorFields(e), repository: fullName(repo) }, 'rotation sweep of a repository failed');
        summary.failed.push({ repository: fullName(repo), error: describeError(e) });
      }
    });
  }
  summary.stopped = stop();
  summary.ms = Date.now() - started;
  const { planned, ...counts } = summary;
  o.log.info({ ...counts, planned: planned.length }, 'rotation sweep finished');
  return summary;
}

function skip(run: Run, why: SkipReason): void {
  run.summary.skipped[why] = (run.summary.skipped[why] ?? 0) + 1;
}

/** The rule that keeps a state quiet for a credential: level `off`, or a live rule/path exception. */
function policySuppressor(policy: ResolvedPolicy, rules: readonly Rule[], inventoryPath: string, today: Date) {
  const severity = new Map(rules.map((r) => [r.meta.id, r.meta.severity]));
  const day = isoDay(today);
  const level = (id: string): string => levelFor(policy, id, 'rotation', severity.get(id) ?? 'medium');
  // Exceptions by rule and/or path; fingerprint exceptions name one finding of a PR scan, which a
  // reminder cannot compute.
  const excepted = (ruleId: string, path: string): boolean => policy.exceptions.some((e) => !e.fingerprint && e.expires >= day && exceptionMatches(e, { ruleId, family: 'rotation', path } as Finding));
  return (state: Exclude<ReminderState, 'incomplete'>, s: CredentialStatus): string | undefined => {
    const id = state === 'undeclared' ? RULE_IDS.missing : state === 'due-soon' ? RULE_IDS.expiring : RULE_IDS.overdue;
    if (level(id) === 'off') return id;
    const paths = state === 'undeclared' ? [...new Set(s.references.map((r) => r.path))] : [inventoryPath];
    return paths.length && paths.every((p) => excepted(id, p)) ? id : undefined;
  };
}

async function readWorkflows(gh: GitHubClient, r: RepoRef, ref: string): Promise<Array<{ path: string; text: string }>> {
  const entries = (await listDirectory(gh, r, '.github/workflows', ref)) ?? [];
  const files = entries.filter((e) => e.type === 'file' && isWorkflowFile(e.path)).slice(0, MAX_WORKFLOWS);
  const texts = await mapLimit(files, 4, async (f) => ({ path: f.path, text: await readTextFile(gh, r, f.path, ref) }));
  return texts.filter((t): t is { path: string; text: string } => t.text !== undefined);
}

async function listing(run: Run, gh: GitHubClient, home: RepoRef, fresh: boolean): Promise<ExistingIssue[]> {
  const k = fullName(home).toLowerCase();
  const cached = run.listings.get(k);
  if (cached && !fresh) return cached;
  const list = await listIssuesWithLabel(gh, home, ISSUE_LABEL);
  run.listings.set(k, list);
  return list;
}

async function sweepRepository(run: Run, gh: GitHubClient, info: RepoInfo, installation: number | null): Promise<void> {
  const { o, today } = run;
  // Only owner and repo go into requests (Octokit sends unknown parameters as query strings).
  const repo: RepoRef = { owner: info.owner, repo: info.repo };
  const repository = fullName(repo);
  if (info.archived) return skip(run, 'archived');
  const ref = info.defaultBranch;
  // One request decides most repositories: no `.github` directory, or no inventory in it.
  const dir = await listDirectory(gh, repo, '.github', ref);
  const inventoryPath = dir && INVENTORY_PATHS.find((p) => dir.some((e) => e.path === p && e.type === 'file'));
  if (!dir || !inventoryPath) return skip(run, 'no-inventory');
  run.summary.inventories++;

  const resolved = resolveSources(await readPolicySources(gh, repo, ref), today, run.knownRules);
  if (!resolved.ok) {
    o.log.warn({ repository, ref, errors: resolved.errors.length }, 'rotation sweep: the policy does not load; reminders left as they are');
    return skip(run, 'policy-error');
  }
  const policy = resolved.policy;
  if (policy.issues?.rotation === false) return skip(run, 'reminders-off');
  const home = policy.issues?.repository ? parseFullName(policy.issues.repository) : repo;
  const central = fullName(home).toLowerCase() !== repository.toLowerCase();
  if (!central && !info.hasIssues) return skip(run, 'issues-disabled');

  const text = await readTextFile(gh, repo, inventoryPath, ref);
  if (text === undefined) return skip(run, 'no-inventory');
  const inv = parseInventory(inventoryPath, text);
  if (!inv.entries.length && inv.errors.length) {
    o.log.warn({ repository, path: inventoryPath, errors: inv.errors.length }, 'rotation sweep: the inventory does not parse; reminders left as they are');
    return skip(run, 'inventory-invalid');
  }
  const workflows = dir.some((e) => e.path === '.github/workflows' && e.type === 'dir') ? await readWorkflows(gh, repo, ref) : [];
  const statuses = credentialStatuses(inv.entries, { today, referenced: referencedSecrets(workflows), ...statusOptionsFromPolicy(policy) });
  const ctx: RepoContext = { repository, central, branch: ref, inventoryPath, ...(info.htmlUrl ? { htmlUrl: info.htmlUrl } : {}) };
  const { reminders, settled } = desiredReminders(statuses, ctx, policySuppressor(policy, run.rules, inventoryPath, today));
  // With errors in the file, an entry missing from the parse may only be broken: do not close its reminder.
  const planOpts = { closeUnknown: inv.errors.length === 0 };

  let actions = planReminders(ctx, reminders, settled, await listing(run, gh, home, false), planOpts);
  const homeName = fullName(home);
  o.log.info({ repository, home: homeName, credentials: statuses.length, reminders: reminders.length, writes: actions.length }, 'rotation sweep: repository judged');
  if (!actions.length) return;
  if (o.dryRun) {
    for (const a of actions) {
      run.summary.planned.push({ repository, home: homeName, kind: a.kind, key: a.key, ...(a.kind === 'create' ? { title: a.reminder.title } : { issue: a.issue.number }) });
    }
    return;
  }

  const lease = o.store ? await takeStoreLease(o.store.leases, run.owner, home, repository, o.leaseMs ?? DEFAULT_STORE_LEASE_MS) : await takeLease(gh, home, repository, o.leaseMs ?? DEFAULT_LEASE_MS);
  if (!lease.acquired) {
    o.log.info({ repository, home: homeName, until: lease.until }, 'rotation sweep: another sweep is writing these reminders; skipped');
    return skip(run, 'leased');
  }
  if (lease.unsupported) o.log.warn({ repository, home: homeName }, 'rotation sweep: no lease (labels cannot be created); relying on duplicate convergence');
  try {
    // Under the lease: plan again from a fresh list (another sweep may have written meanwhile).
    actions = planReminders(ctx, reminders, settled, await listing(run, gh, home, true), planOpts);
    const created = await execute(run, gh, home, repository, actions, lease.signal, installation);
    if (created.size) {
      // Converge: had another process created the same reminder (no lease, or a lease taken over), the
      // newer issue of each key is closed as a duplicate — by both processes alike.
      const again = planReminders(ctx, reminders, settled, await listing(run, gh, home, true), planOpts);
      await execute(
        run,
        gh,
        home,
        repository,
        again.filter((a) => a.kind === 'duplicate' && created.has(a.key)),
        lease.signal,
        installation,
      );
    }
  } finally {
    run.listings.delete(homeName.toLowerCase());
    await lease.release().catch((e: unknown) => o.log.warn({ err: errorFields(e), repository, home: homeName }, 'rotation sweep: could not release the lease (it expires by itself)'));
  }
}

/** Carry out a plan; returns the keys of the reminders created. One failed write does not stop the rest. */
async function execute(run: Run, gh: GitHubClient, home: RepoRef, repository: string, actions: readonly Action[], lost?: AbortSignal, installation: number | null = null): Promise<Set<string>> {
  const { o, summary } = run;
  /** The trail's record of a reminder written: the credential by name (never a value), its state and the issue. */
  const audit = async (a: Action, number: number, action: IssueWritten['action'], state: string, reminder?: Reminder): Promise<void> => {
    if (!o.audit) return;
    const credential = a.key.startsWith(`${repository}:`) ? a.key.slice(repository.length + 1) : a.key;
    try {
      await recordReminder(o.audit, {
        installation,
        repository,
        credential,
        status: state,
        due: reminder?.due ?? null,
        owner: reminder?.owner ?? null,
        issue: { repository: fullName(home), number, action },
      });
    } catch (e) {
      o.log.error({ err: errorFields(e), repository, key: a.key }, 'audit record of a rotation reminder could not be written');
    }
  };
  const created = new Set<string>();
  let firstError: unknown;
  let failed = 0;
  for (const a of actions) {
    if (lost?.aborted) {
      // Another sweep may hold the lease now: leave the rest to the next run rather than race it.
      summary.deferred++;
      continue;
    }
    const cost = contentCost(a);
    if (cost > run.budget) {
      summary.deferred++;
      continue;
    }
    run.budget -= cost;
    try {
      switch (a.kind) {
        case 'create': {
          const r = a.reminder;
          const issue = await createIssue(gh, home, { title: r.title, body: r.body, labels: r.labels, assignees: r.assignees });
          created.add(a.key);
          summary.opened++;
          await audit(a, issue.number, 'created', r.state, r);
          o.log.info({ repository, home: fullName(home), issue: issue.number, key: a.key, state: r.state }, 'opened rotation reminder');
          break;
        }
        case 'update':
          if (Object.keys(a.patch).length) await updateIssue(gh, home, a.issue.number, a.patch);
          if (a.comment) await comment(gh, home, a.issue.number, a.comment);
          if (a.reopen) summary.reopened++;
          else summary.updated++;
          await audit(a, a.issue.number, a.reopen ? 'reopened' : a.comment ? 'commented' : 'linked', a.reminder.state, a.reminder);
          if (a.comment) summary.commented++;
          o.log.info({ repository, home: fullName(home), issue: a.issue.number, key: a.key, reopened: a.reopen, commented: !!a.comment }, 'updated rotation reminder');
          break;
        case 'close':
        case 'duplicate':
          // Without a lease another sweep may be closing the same duplicate: skip it once it is closed.
          if (a.kind === 'duplicate' && (await issueState(gh, home, a.issue.number)) === 'closed') break;
          await comment(gh, home, a.issue.number, a.comment);
          await updateIssue(gh, home, a.issue.number, a.patch);
          if (a.kind === 'close') summary.closed++;
          else summary.duplicates++;
          await audit(a, a.issue.number, 'closed', a.kind === 'close' ? 'settled' : 'duplicate');
          o.log.info(
            { repository, home: fullName(home), issue: a.issue.number, key: a.key, duplicateOf: a.kind === 'duplicate' ? a.of : undefined },
            a.kind === 'close' ? 'closed rotation reminder' : 'closed duplicate rotation reminder',
          );
          break;
      }
    } catch (e) {
      failed++;
      firstError ??= e;
      o.log.warn({ err: errorFields(e), repository, home: fullName(home), key: a.key, action: a.kind }, 'rotation reminder write failed');
    }
  }
  if (failed) summary.failed.push({ repository, error: `${failed} reminder write(s) failed in ${fullName(home)}: ${describeError(firstError)}` });
  return created;
}
