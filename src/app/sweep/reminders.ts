/**
 * Rotation reminders: what the sweep wants to exist for one repository, as issue titles, bodies and
 * labels. Pure. One reminder per credential that is due soon, overdue or expired, and one for all the
 * secrets workflows use without an inventory entry. Bodies hold absolute dates only (no "in 5 days"),
 * so a daily sweep finds nothing to change on a reminder until something really changed.
 *
 * Hidden markers (`<!-- tokenwarden:key=value -->`, like remediation issues) make reminders findable:
 * `reminder` (repository + credential key), `state`, `due` (the date the state is about), `owner`,
 * `names` (the undeclared group), and `closedby=sweep` once the sweep closed it.
 */
import type { CredentialStatus } from '../../engine/inventory/index.js';
import { code } from '../../report/check-run.js';
import { ISSUE_LABEL } from '../../report/issue.js';
import { ISSUE_BODY_LIMIT, ISSUE_TITLE_LIMIT, fitChars } from '../../report/limits.js';
import { redactPath, scrubText as scrub } from '../../report/scrub.js';

/**
 * Issue text fit to publish: the inventory's free text (names, providers, owners) and file and branch
 * names are scrubbed like logs, and only then cut to GitHub's limits (a secret cut in half is no longer
 * recognised as one).
 */
const titleFit = (t: string): string => fitChars(scrub(t), ISSUE_TITLE_LIMIT);
const bodyFit = (t: string): string => fitChars(scrub(t), ISSUE_BODY_LIMIT, "\n\n… cut to GitHub's size limit for an issue.\n");

export const ROTATION_LABEL = 'rotation';
export type ReminderState = 'due-soon' | 'overdue' | 'expired' | 'incomplete' | 'undeclared';
/** Status labels the sweep sets (and removes when the state changes). */
export const STATE_LABELS: readonly ReminderState[] = ['due-soon', 'overdue', 'expired', 'incomplete', 'undeclared'];
/** How urgent a state is: a reminder closed by a person is reopened only when its state gets worse. */
export const URGENCY: Readonly<Record<ReminderState, number>> = { incomplete: 0, undeclared: 0, 'due-soon': 1, overdue: 2, expired: 3 };
export const UNDECLARED_KEY = 'undeclared';

export interface ReminderMarkers {
  /** `owner/name:<credential key>` or `owner/name:undeclared`. */
  key?: string;
  state?: ReminderState;
  due?: string;
  owner?: string;
  names: string[];
  closedBySweep: boolean;
}

const MARKER = /<!-- tokenwarden:([a-z]+)=([^\s>]+) -->/g;
const marker = (k: string, v: string): string => `<!-- tokenwarden:${k}=${encodeURIComponent(v)} -->`;
const decode = (v: string): string => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

export function parseReminderMarkers(body: string | null | undefined): ReminderMarkers {
  const m: ReminderMarkers = { names: [], closedBySweep: false };
  for (const [, k, raw] of (body ?? '').matchAll(MARKER)) {
    const v = decode(raw!);
    if (k === 'reminder') m.key = v;
    else if (k === 'state' && (STATE_LABELS as readonly string[]).includes(v)) m.state = v as ReminderState;
    else if (k === 'due') m.due = v;
    else if (k === 'owner') m.owner = v;
    else if (k === 'names') m.names = v.split(',').filter(Boolean);
    else if (k === 'closedby') m.closedBySweep = v === 'sweep';
  }
  return m;
}

/** The repository a reminder key belongs to (`owner/name`: no `:` in either part). */
export const repositoryOfKey = (key: string): string => key.slice(0, key.indexOf(':'));
export const reminderKey = (repository: string, credentialKey: string): string => `${repository}:${credentialKey}`;

/** Marks a body as closed by the sweep (a later lapse of the same credential opens a new reminder). */
export const withClosedMarker = (body: string): string => (parseReminderMarkers(body).closedBySweep ? body : `${marker('closedby', 'sweep')}\n${body}`);

/** A duplicate's body with its key marker renamed: it never matches a reminder again. */
export const withoutKeyMarker = (body: string, original: number): string => body.replace(/<!-- tokenwarden:reminder=([^\s>]+) -->/g, `<!-- tokenwarden:duplicateof=${original} -->`);

export interface RepoContext {
  /** `owner/name` of the repository whose inventory this is. */
  repository: string;
  /** Issues go to another repository: titles name this one. */
  central: boolean;
  branch: string;
  inventoryPath: string;
  /** https://github.com/owner/name, for links. */
  htmlUrl?: string;
}

export interface Reminder {
  key: string;
  state: ReminderState;
  title: string;
  body: string;
  /** The sweep's labels: `tokenwarden`, `rotation` and the state. */
  labels: string[];
  /** Users to assign (a team owner is mentioned instead: teams cannot be assigned). */
  assignees: string[];
  /** `@alice` or `@acme/platform`, mentioned in comments. */
  owner?: string;
  due?: string;
  names: string[];
  /** False for `incomplete`: an open reminder follows the entry, but none is opened for it. */
  opens: boolean;
  /** For comments: one sentence on what the state means now. */
  summary: string;
}

/** Why an existing reminder is no longer wanted. */
export type Settled = { kind: 'ok'; status: CredentialStatus } | { kind: 'policy'; rule: string } | { kind: 'undeclared' } | { kind: 'declared' };

const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
const fileLink = (ctx: RepoContext, path: string, line?: number): string => {
  const shown = redactPath(path);
  const label = code(line ? `${shown}:${line}` : shown);
  // A link to a file named after a secret would carry it: such a file is named, not linked.
  if (!ctx.htmlUrl || shown !== path || redactPath(ctx.branch) !== ctx.branch) return label;
  return `[${label}](${ctx.htmlUrl}/blob/${encodePath(ctx.branch)}/${encodePath(path)}${line ? `#L${line}` : ''})`;
};
const prefix = (ctx: RepoContext): string => `[Token Warden] ${ctx.central ? `${ctx.repository}: ` : ''}`;
const STATE_WORDS: Record<ReminderState, string> = { 'due-soon': 'due soon', overdue: 'overdue', expired: 'expired', incomplete: 'incomplete', undeclared: 'undeclared' };
export const stateWords = (s: ReminderState | undefined): string => (s ? STATE_WORDS[s] : 'unknown');
const FOOTER = "_Opened by Token Warden's rotation sweep. Do not edit the hidden markers at the top: they stop duplicate reminders._";

/** A user owner (`@alice`) is assigned; a team (`@acme/platform`) cannot be. */
export const assigneeOf = (owner: string | undefined): string | undefined => (owner && owner.startsWith('@') && !owner.includes('/') ? owner.slice(1) : undefined);

function ownerLine(owner: string | undefined): string {
  if (!owner) return '**Owner:** none declared: add `owner:` (a user `@login` or a team `@org/team`) to the entry.';
  return owner.includes('/') ? `**Owner:** ${owner} (a team: mentioned here, since teams cannot be assigned)` : `**Owner:** ${owner}`;
}

function whatItIs(s: CredentialStatus): string {
  const bits = [s.kind, s.provider].filter(Boolean);
  return `${code(s.name)}${bits.length ? ` (${bits.join(', ')})` : ''}`;
}

function usedIn(ctx: RepoContext, s: CredentialStatus): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of s.references) {
    const id = `${r.path}:${r.line}`;
    if (seen.has(id) || out.length >= 10) continue;
    seen.add(id);
    out.push(`${fileLink(ctx, r.path, r.line)}${r.job ? ` (job ${code(r.job)}${r.environment ? `, environment ${code(r.environment)}` : ''})` : ''}`);
  }
  const more = new Set(s.references.map((r) => `${r.path}:${r.line}`)).size - out.length;
  if (more > 0) out.push(`and ${more} more`);
  return out;
}

/** The state a credential's reminder has, or undefined when it needs none. */
export function credentialState(s: CredentialStatus): ReminderState | undefined {
  const due = s.conditions.find((c) => c === 'expired' || c === 'overdue' || c === 'due-soon');
  if (due) return due as ReminderState;
  if (s.status === 'undeclared') return 'undeclared';
  if (s.conditions.includes('incomplete')) return 'incomplete';
  return undefined;
}

/** The date a state is about: when it expired, when rotation was due, or the coming due date. */
function dueOf(state: ReminderState, s: CredentialStatus): string | undefined {
  if (state === 'expired') return s.expires;
  if (state === 'overdue') return s.rotationDue;
  if (state === 'due-soon') return s.dueDate;
  return undefined;
}

function credentialTitle(ctx: RepoContext, state: ReminderState, s: CredentialStatus, due: string | undefined): string {
  const t =
    state === 'expired'
      ? `Credential expired: ${s.name} (${due})`
      : state === 'overdue'
        ? `Rotation overdue: ${s.name} (due ${due})`
        : state === 'due-soon'
          ? s.dueReason === 'expiry'
            ? `Credential expires soon: ${s.name} (${due})`
            : `Rotation due soon: ${s.name} (${due})`
          : `Rotation reminder: the inventory entry of ${s.name} is incomplete`;
  return titleFit(prefix(ctx) + t);
}

function credentialSummary(state: ReminderState, s: CredentialStatus, due: string | undefined): string {
  switch (state) {
    case 'expired':
      return `${code(s.name)} expired on ${due}: whatever still uses it fails. Issue its successor now.`;
    case 'overdue':
      return `${code(s.name)} was due for rotation on ${due} (every ${s.rotationDays} days since ${s.lastRotated}).`;
    case 'due-soon':
      return s.dueReason === 'expiry' ? `${code(s.name)} expires on ${due}: issue its successor before then.` : `${code(s.name)} is due for rotation on ${due}.`;
    default:
      return `The inventory entry of ${code(s.name)} no longer says when it is due (missing: ${s.missing.join(', ') || 'a valid expiry'}): complete it.`;
  }
}

function credentialBody(ctx: RepoContext, state: ReminderState, s: CredentialStatus, due: string | undefined, summary: string): string {
  const out: string[] = [marker('reminder', reminderKey(ctx.repository, s.key)), marker('state', state)];
  if (due) out.push(marker('due', due));
  if (s.owner) out.push(marker('owner', s.owner));
  out.push('');
  const heading =
    state === 'expired'
      ? 'has expired'
      : state === 'overdue'
        ? 'is overdue for rotation'
        : state === 'due-soon'
          ? s.dueReason === 'expiry'
            ? 'expires soon'
            : 'is due for rotation soon'
          : 'has an incomplete inventory entry';
  out.push(`## ${code(s.name)} ${heading}`, '', summary, '');
  out.push(`**Repository:** ${ctx.repository}`);
  out.push(`**Credential:** ${whatItIs(s)}, declared in ${fileLink(ctx, ctx.inventoryPath, s.line)} on ${code(ctx.branch)}`);
  out.push(ownerLine(s.owner));
  if (s.lastRotated) out.push(`**Last rotated:** ${s.lastRotated}${s.rotationDays ? `, every ${s.rotationDays} days` : ''}`);
  if (s.rotationDue) out.push(`**Rotation due:** ${s.rotationDue}`);
  if (s.expires) out.push(`**Expires:** ${s.expires}`);
  if (s.missing.length) out.push(`**Missing in the entry:** ${s.missing.map(code).join(', ')}`);
  if (s.problems.length) out.push(`**Also:** it ${s.problems.join(', and ')}.`);
  const used = usedIn(ctx, s);
  if (used.length) out.push(`**Used in:** ${used.join('; ')}`);
  out.push('', '### What to do');
  if (state === 'incomplete') {
    out.push(`1. Complete the entry in ${code(ctx.inventoryPath)} on ${code(ctx.branch)}: ${s.missing.map(code).join(', ') || 'a real `expires` date'}.`);
    out.push('2. If the credential is past its rotation date, rotate it at its issuer first and record the day in `last_rotated`.');
  } else {
    out.push(`1. Issue a new credential at its issuer${s.provider ? ` (${s.provider})` : ''}, with the least privilege it needs and an expiry.`);
    out.push(`2. Replace the stored secret ${code(s.name)} (the repository, environment or organisation secret, and any other place that holds it).`);
    out.push('3. Revoke the old credential at the issuer once nothing uses it.');
    out.push(`4. Record the rotation in ${code(ctx.inventoryPath)} on ${code(ctx.branch)}: set \`last_rotated\` to the day you rotated it and \`expires\` to the new credential's expiry.`);
  }
  out.push('', `Token Warden re-reads the inventory on ${code(ctx.branch)} on schedule: this issue changes only when the status does, and closes itself once the inventory records the rotation.`);
  out.push('', FOOTER);
  return out.join('\n');
}

function undeclaredReminder(ctx: RepoContext, list: readonly CredentialStatus[]): Reminder {
  const names = list.map((s) => s.name.toUpperCase()).sort();
  const n = list.length;
  const title = titleFit(`${prefix(ctx)}Undeclared credentials: ${n} secret${n === 1 ? '' : 's'} used by workflows ${n === 1 ? 'is' : 'are'} not in the token inventory`);
  const summary = `${n === 1 ? 'One secret' : `${n} secrets`} used by workflows on ${code(ctx.branch)} ${n === 1 ? 'has' : 'have'} no entry in ${code(ctx.inventoryPath)}: nobody has declared who owns ${n === 1 ? 'it' : 'them'}, when ${n === 1 ? 'it was' : 'they were'} rotated or when ${n === 1 ? 'it expires' : 'they expire'}.`;
  const out: string[] = [marker('reminder', reminderKey(ctx.repository, UNDECLARED_KEY)), marker('state', 'undeclared'), marker('names', names.join(',')), ''];
  out.push('## Undeclared credentials', '', summary, '', `**Repository:** ${ctx.repository}`, '');
  out.push('| Secret | Used in |', '|---|---|');
  for (const s of [...list].sort((a, b) => a.name.toUpperCase().localeCompare(b.name.toUpperCase()))) out.push(`| ${code(s.name)} | ${usedIn(ctx, s).join('; ').replace(/\|/g, '\\|')} |`);
  out.push('', '### What to do');
  out.push(`1. For each secret, add an entry to ${code(ctx.inventoryPath)}: \`kind\`, \`owner\`, \`rotation_days\`, \`last_rotated\`, \`expires\` (\`tokenwarden inventory init\` drafts them).`);
  out.push('2. A secret that is not a credential (a channel id, a URL) can be exempted in the policy: `rotation/inventory-missing` → `options.exempt`.');
  out.push('3. A secret nobody needs any more: remove it from the workflows and delete it.');
  out.push('', `This issue lists what the workflows on ${code(ctx.branch)} use today and closes itself once every secret is declared.`, '', FOOTER);
  return {
    key: reminderKey(ctx.repository, UNDECLARED_KEY),
    state: 'undeclared',
    title,
    body: bodyFit(out.join('\n')),
    labels: [ISSUE_LABEL, ROTATION_LABEL, 'undeclared'],
    assignees: [],
    names,
    opens: true,
    summary: scrub(summary),
  };
}

/**
 * The reminders a repository should have, and why the others should not exist. `suppressed` says
 * which policy rule turns a state off for a credential (level `off`, or a live exception).
 */
export function desiredReminders(
  statuses: readonly CredentialStatus[],
  ctx: RepoContext,
  suppressed: (state: Exclude<ReminderState, 'incomplete'>, s: CredentialStatus) => string | undefined,
): { reminders: Reminder[]; settled: Map<string, Settled> } {
  const reminders: Reminder[] = [];
  const settled = new Map<string, Settled>();
  const undeclared: CredentialStatus[] = [];
  for (const s of statuses) {
    const key = reminderKey(ctx.repository, s.key);
    const state = credentialState(s);
    if (state === 'undeclared') {
      settled.set(key, { kind: 'undeclared' });
      if (!suppressed('undeclared', s)) undeclared.push(s);
      continue;
    }
    if (!state) {
      settled.set(key, { kind: 'ok', status: s });
      continue;
    }
    const rule = state === 'incomplete' ? undefined : suppressed(state, s);
    if (rule) {
      settled.set(key, { kind: 'policy', rule });
      continue;
    }
    const due = dueOf(state, s);
    const summary = credentialSummary(state, s, due);
    const assignee = assigneeOf(s.owner);
    reminders.push({
      key,
      state,
      // The inventory's free text (provider, names) lands in an issue, maybe in a central repository:
      // anything shaped like a secret is redacted, as in logs.
      title: credentialTitle(ctx, state, s, due),
      body: bodyFit(credentialBody(ctx, state, s, due, summary)),
      labels: [ISSUE_LABEL, ROTATION_LABEL, state],
      assignees: assignee ? [assignee] : [],
      ...(s.owner ? { owner: s.owner } : {}),
      ...(due ? { due } : {}),
      names: [],
      opens: state !== 'incomplete',
      summary: scrub(summary),
    });
  }
  if (undeclared.length) reminders.push(undeclaredReminder(ctx, undeclared));
  else settled.set(reminderKey(ctx.repository, UNDECLARED_KEY), { kind: 'declared' });
  return { reminders, settled };
}

// --- comments ---------------------------------------------------------------------------------------

const mention = (owner: string | undefined): string => (owner ? `${owner} ` : '');

export function stateChangeComment(r: Reminder, previous: ReminderState | undefined, reopened: boolean): string {
  const head = reopened ? `Reopened: now **${stateWords(r.state)}** (was ${stateWords(previous)} when this was closed).` : `Status: **${stateWords(r.state)}** (was ${stateWords(previous)}).`;
  return bodyFit(`${mention(r.owner)}${head} ${r.summary}`.trim());
}

export function newNamesComment(added: readonly string[]): string {
  return bodyFit(`Also used by workflows now, without an inventory entry: ${added.map(code).join(', ')}.`);
}

export function settledComment(settled: Settled | undefined, ctx: RepoContext, credential: string): string {
  return bodyFit(settledText(settled, ctx, credential));
}

function settledText(settled: Settled | undefined, ctx: RepoContext, credential: string): string {
  const where = `${code(ctx.inventoryPath)} on ${code(ctx.branch)}`;
  if (!settled) return `${code(credential)} is no longer in ${where}. Closing.`;
  switch (settled.kind) {
    case 'ok': {
      const s = settled.status;
      const record = [s.lastRotated ? `last rotated ${s.lastRotated}` : undefined, s.expires ? `expires ${s.expires}` : undefined].filter(Boolean).join(', ');
      const next = s.dueDate ? ` Next due ${s.dueDate}.` : '';
      return `${where} now records ${code(s.name)} as up to date${record ? ` (${record})` : ''}.${next} Closing.`;
    }
    case 'policy':
      return `The policy no longer asks for this reminder (${code(settled.rule)} is off, or an exception covers it). Closing.`;
    case 'undeclared':
      return `${code(credential)} is no longer in ${where}, but workflows still use it: it is listed in the undeclared-credentials reminder. Closing.`;
    case 'declared':
      return `Every secret the workflows on ${code(ctx.branch)} use is now declared in ${code(ctx.inventoryPath)} (or no longer used). Closing.`;
  }
}

export function duplicateComment(original: number): string {
  return `Duplicate of #${original}: two sweeps opened the same reminder at once. Closing this one.`;
}
