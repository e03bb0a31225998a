/**
 * What to write for one repository's reminders: desired reminders + the issues that exist → actions.
 * Pure, so the same plan is made before taking the lease (is there anything to do?) and after it
 * (from a fresh issue list), and tests can read it.
 *
 * - one open reminder per key: the oldest open one is kept, newer open ones are closed as duplicates;
 * - an open reminder is edited only where title, body or the sweep's labels differ, and commented on
 *   only when its state changed (or, for the undeclared group, when a new secret joined it);
 * - a reminder a person closed for the same due date stays closed, unless the state got worse
 *   (due soon → overdue → expired), which reopens it with one comment;
 * - a reminder the sweep closed (`closedby=sweep`) or of an earlier due date is history: a new lapse
 *   opens a new issue;
 * - an open reminder nothing asks for any more is closed with a comment saying why.
 */
import {
  duplicateComment,
  ROTATION_LABEL,
  newNamesComment,
  parseReminderMarkers,
  repositoryOfKey,
  settledComment,
  stateChangeComment,
  STATE_LABELS,
  URGENCY,
  withClosedMarker,
  withoutKeyMarker,
  type Reminder,
  type ReminderMarkers,
  type RepoContext,
  type Settled,
} from './reminders.js';
import { ISSUE_LABEL } from '../../report/issue.js';

export interface ExistingIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'duplicate' | 'reopened';
}

export type Action =
  | { kind: 'create'; key: string; reminder: Reminder }
  | { kind: 'update'; key: string; issue: ExistingIssue; patch: IssuePatch; comment?: string; reopen: boolean; reminder: Reminder }
  | { kind: 'close'; key: string; issue: ExistingIssue; patch: IssuePatch; comment: string }
  | { kind: 'duplicate'; key: string; issue: ExistingIssue; of: number; patch: IssuePatch; comment: string };

export interface PlanOptions {
  /** Close open reminders whose credential is gone from the inventory (false while it has errors). */
  closeUnknown: boolean;
}

const ours = new Set<string>([ISSUE_LABEL, ROTATION_LABEL, ...STATE_LABELS]);

/** The issue's labels with the sweep's replaced: labels people added stay. */
function mergedLabels(current: readonly string[], wanted: readonly string[]): string[] {
  return [...current.filter((l) => !ours.has(l)), ...wanted];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

interface Keyed {
  issue: ExistingIssue;
  m: ReminderMarkers;
}

/** Reminder issues of `repository`, by key, oldest first. */
export function remindersOf(existing: readonly ExistingIssue[], repository: string): Map<string, Keyed[]> {
  const byKey = new Map<string, Keyed[]>();
  for (const issue of [...existing].sort((a, b) => a.number - b.number)) {
    const m = parseReminderMarkers(issue.body);
    if (!m.key || repositoryOfKey(m.key) !== repository) continue;
    let list = byKey.get(m.key);
    if (!list) byKey.set(m.key, (list = []));
    list.push({ issue, m });
  }
  return byKey;
}

function updateOf(key: string, r: Reminder, k: Keyed, reopen: boolean): Action | undefined {
  const { issue, m } = k;
  const patch: IssuePatch = {};
  if (issue.title !== r.title) patch.title = r.title;
  if (issue.body !== r.body) patch.body = r.body;
  const labels = mergedLabels(issue.labels, r.labels);
  if (!sameSet(labels, issue.labels)) patch.labels = labels;
  // A new owner is assigned; otherwise assignees are left to people.
  if ((m.owner ?? '') !== (r.owner ?? '') && !sameSet(issue.assignees, r.assignees) && r.assignees.length) patch.assignees = r.assignees;
  let comment: string | undefined;
  if (reopen) {
    patch.state = 'open';
    patch.state_reason = 'reopened';
    comment = stateChangeComment(r, m.state, true);
  } else if (m.state !== r.state) {
    comment = stateChangeComment(r, m.state, false);
  } else if (r.state === 'undeclared') {
    const added = r.names.filter((n) => !m.names.includes(n));
    if (added.length) comment = newNamesComment(added);
  }
  if (!Object.keys(patch).length && !comment) return undefined;
  return { kind: 'update', key, issue, patch, ...(comment ? { comment } : {}), reopen, reminder: r };
}

export function planReminders(ctx: RepoContext, desired: readonly Reminder[], settled: ReadonlyMap<string, Settled>, existing: readonly ExistingIssue[], opts: PlanOptions): Action[] {
  const actions: Action[] = [];
  const byKey = remindersOf(existing, ctx.repository);
  const wanted = new Map(desired.map((r) => [r.key, r]));

  // Converge: one open reminder per key (the oldest); the others are closed as duplicates.
  for (const [key, list] of byKey) {
    const open = list.filter((k) => k.issue.state === 'open');
    for (const dup of open.slice(1)) {
      actions.push({
        kind: 'duplicate',
        key,
        issue: dup.issue,
        of: open[0]!.issue.number,
        patch: { state: 'closed', state_reason: 'duplicate', body: withoutKeyMarker(dup.issue.body, open[0]!.issue.number) },
        comment: duplicateComment(open[0]!.issue.number),
      });
    }
  }

  for (const r of desired) {
    const list = byKey.get(r.key) ?? [];
    const open = list.find((k) => k.issue.state === 'open');
    if (open) {
      const a = updateOf(r.key, r, open, false);
      if (a) actions.push(a);
      continue;
    }
    if (!r.opens) continue;
    // The latest closed reminder of the same lapse, closed by a person: respected unless it got worse.
    const closed = [...list].reverse().find((k) => !k.m.closedBySweep && (r.state === 'undeclared' ? r.names.every((n) => k.m.names.includes(n)) : k.m.due === r.due));
    if (closed) {
      if (r.state !== 'undeclared' && URGENCY[r.state] > URGENCY[closed.m.state ?? 'due-soon']) {
        const a = updateOf(r.key, r, closed, true);
        if (a) actions.push(a);
      }
      continue;
    }
    actions.push({ kind: 'create', key: r.key, reminder: r });
  }

  for (const [key, list] of byKey) {
    if (wanted.has(key)) continue;
    const open = list.find((k) => k.issue.state === 'open');
    if (!open) continue;
    const why = settled.get(key);
    if (!why && !opts.closeUnknown) continue;
    const credential = key.slice(key.lastIndexOf(':') + 1);
    actions.push({
      kind: 'close',
      key,
      issue: open.issue,
      patch: { state: 'closed', state_reason: 'completed', body: withClosedMarker(open.issue.body) },
      comment: settledComment(why, ctx, credential),
    });
  }
  return actions;
}

/** Content-creating requests an action makes (issues and comments notify people). */
export const contentCost = (a: Action): number => (a.kind === 'create' ? 1 : a.kind === 'update' ? (a.comment ? 1 : 0) : 1);
