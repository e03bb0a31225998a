/**
 * Remediation issue bodies and comments. Hidden HTML-comment markers make issues findable again, so a
 * redelivered webhook or a re-run never opens a second issue; the body holds redacted values only:
 * paths (a file can be named after a token), branch names and messages go through the one redactor,
 * and titles, bodies and comments are cut to GitHub's limits after that, never before.
 */
import type { Finding } from '../engine/finding.js';
import type { RuleMeta } from '../engine/rule.js';
import { digest } from '../engine/hash.js';
import { code } from './check-run.js';
import { ISSUE_BODY_LIMIT, ISSUE_TITLE_LIMIT, fitChars, shortenMiddle } from './limits.js';
import { redactPath, scrubCached, scrubText } from './scrub.js';

export { ISSUE_BODY_LIMIT, ISSUE_TITLE_LIMIT };
/** Places listed in one body or comment ("and N more" after them). */
const MAX_LISTED = 20;
/** Occurrence markers in one body or comment: a later run reports the rest (bounded, so the markers fit). */
const MAX_OCCURRENCE_MARKERS = 500;
const CUT_NOTE = "\n\n… cut to GitHub's size limit for an issue.\n";
/** Scrubbed first (a secret cut in half is not recognised), then cut. */
const fitBody = (text: string): string => fitChars(scrubText(text), ISSUE_BODY_LIMIT, CUT_NOTE);

export const ISSUE_LABEL = 'tokenwarden';

/** Where a finding was seen: enough for a human to find it, and for us to tell a new sighting from a re-run. */
export interface Occurrence {
  /** `owner/name` of the scanned repository. */
  repository: string;
  path: string;
  line: number;
  sha: string;
  /** "pull request #12" or "push to `main`". */
  context: string;
  /** Stable part of the context (`pr:12`, `push:main`): a re-run of the same change is not a new sighting. */
  contextKey: string;
  /** Login to mention (the PR author or pusher). */
  author?: string;
  url?: string;
  /**
   * Found in the branch's history and not in its tree at the head (`sha` is then the first commit that
   * added it): deleted, yet a leak until it is revoked.
   */
  history?: HistoryPlace;
}

export interface HistoryPlace {
  branch: string;
  /** The first commit's author date, ISO 8601. */
  date: string;
  /** The commit that deleted it, when known. */
  deletedIn?: string;
  /** The head the tree was judged at. */
  head: string;
  /** Its file at the head could not be judged: it may still be there. */
  headUnknown?: boolean;
}

export interface Markers {
  fingerprint?: string;
  secret?: string;
  repo?: string;
  path?: string;
  family?: string;
  occurrences: string[];
}

const MARKER = /<!-- tokenwarden:([a-z]+)=([^\s>]+) -->/g;
const marker = (k: string, v: string): string => `<!-- tokenwarden:${k}=${v} -->`;

export function parseMarkers(body: string | null | undefined): Markers {
  const m: Markers = { occurrences: [] };
  for (const [, k, v] of (body ?? '').matchAll(MARKER)) {
    if (k === 'occurrence') m.occurrences.push(v!);
    else if (k === 'fingerprint' || k === 'secret' || k === 'repo' || k === 'path' || k === 'family') m[k] = v!;
  }
  return m;
}

/**
 * What makes two findings "the same issue". A secret is one leak wherever it shows up (its hash); any
 * other finding is its fingerprint, qualified by repository when issues go to a central repository.
 */
export function issueKey(f: Finding, repository: string): string {
  if (f.family === 'secrets' && f.secretHash) return `secret:${f.secretHash}`;
  return `fingerprint:${repository}:${f.fingerprint}`;
}

/** The key an existing issue answers to, from its markers. */
export function keyOfMarkers(m: Markers): string | undefined {
  if (m.secret) return `secret:${m.secret}`;
  if (m.fingerprint && m.repo) return `fingerprint:${m.repo}:${m.fingerprint}`;
  return undefined;
}

export const occurrenceId = (o: Occurrence): string => digest('occurrence', o.repository, o.path, o.contextKey);

export function issueLabels(f: Finding): string[] {
  return [ISSUE_LABEL, `family:${f.family}`, `severity:${f.severity}`];
}

/** "GitHub token" from "GitHub token (classic PAT, OAuth, …)": titles stay short. */
function what(f: Finding, meta: RuleMeta | undefined): string {
  // The description's trailing parenthetical (one level of nesting allowed) is detail, not the title.
  return (meta?.description ?? f.ruleId).replace(/\.$/, '').replace(/\s*\((?:[^()]|\([^()]*\))*\)$/, '');
}

/** At most 256 characters, with the path (redacted) shortened from the middle so the file name stays. */
export function issueTitle(f: Finding, meta: RuleMeta | undefined, repository: string, central: boolean): string {
  const head = `[Token Warden] ${f.family === 'secrets' ? `Revoke and rotate the leaked ${what(f, meta)}` : what(f, meta)}`;
  const prefix = fitChars(scrubCached(`${head} (${central ? `${repository}: ` : ''}`), ISSUE_TITLE_LIMIT - 40);
  const path = shortenMiddle(redactPath(f.path), ISSUE_TITLE_LIMIT - prefix.length - 1);
  return fitChars(scrubCached(`${prefix}${path})`), ISSUE_TITLE_LIMIT);
}

function locationLine(o: Occurrence): string {
  const path = redactPath(o.path);
  const at = `${code(`${shortenMiddle(path, 500)}:${o.line}`)} at ${code(o.sha.slice(0, 7))}`;
  // A link to a file named after a secret would carry it: such a place is named, not linked.
  const url = path === o.path ? o.url : undefined;
  return `${url ? `[${at}](${url})` : at} in ${o.repository}, ${scrubCached(o.context)}${o.author ? ` by @${o.author}` : ''}`;
}

function locationLines(occurrences: readonly Occurrence[], head: string, more: string): string[] {
  const out = occurrences.slice(0, MAX_LISTED).map((o, i) => `${i === 0 ? head : more} ${locationLine(o)}`);
  if (occurrences.length > MAX_LISTED) out.push(`${more} … and ${occurrences.length - MAX_LISTED} more places.`);
  return out;
}

const occurrenceMarkers = (occurrences: readonly Occurrence[]): string[] => [...new Set(occurrences.map(occurrenceId))].slice(0, MAX_OCCURRENCE_MARKERS).map((id) => marker('occurrence', id));

/** Why a secret gone from the tree still needs revoking: when and where it was committed, where it went. */
function historyNote(o: Occurrence, h: HistoryPlace): string {
  const first = `first committed in ${code(o.sha.slice(0, 7))} (author date ${h.date.slice(0, 10) || 'unknown'}) at ${code(shortenMiddle(redactPath(o.path), 500))}`;
  const branch = code(h.branch);
  const gone = h.headUnknown
    ? `its file at ${code(h.head.slice(0, 7))} could not be judged, so it may still be in the tree of ${branch}`
    : h.deletedIn
      ? `deleted from ${branch} in commit ${code(h.deletedIn.slice(0, 7))}`
      : `no longer in the tree of ${branch} at ${code(h.head.slice(0, 7))}`;
  return `**Found in history:** ${first}; ${gone}. The history of ${branch}, its forks and every clone still hold it: **it is a leak until it is revoked.**`;
}

/** `occurrences` are every place this change has the finding; the first one is the main location. */
export function issueBody(f: Finding, meta: RuleMeta | undefined, occurrences: readonly Occurrence[]): string {
  const o = occurrences[0];
  if (!o) throw new Error('issueBody needs an occurrence');
  const out: string[] = [];
  out.push(marker('fingerprint', f.fingerprint));
  if (f.family === 'secrets' && f.secretHash) out.push(marker('secret', f.secretHash));
  // The path marker holds the redacted path: `IssueDesk.resolve` compares redacted paths.
  out.push(marker('repo', o.repository), marker('path', encodeURIComponent(redactPath(f.path))), marker('family', f.family));
  out.push(...occurrenceMarkers(occurrences));
  out.push('');
  const where = (): void => {
    out.push(...locationLines(occurrences, '**Where:**', '**Also:**'));
  };
  if (f.family === 'secrets') {
    out.push(`## A ${what(f, meta)} was committed`, '');
    where();
    if (o.history) out.push(historyNote(o, o.history));
    if (f.redacted) out.push(`**Secret (redacted):** ${code(f.redacted)}`);
    out.push(`**Rule:** ${code(f.ruleId)}, severity ${f.severity}, fingerprint ${code(f.fingerprint)}`, '');
    out.push('> Deleting the line does not undo the leak: the secret stays in git history, forks and clones. Revoke it at the issuer first, then remove it from the code.', '');
    const revoke = meta?.revoke;
    if (revoke) {
      out.push(`### Revoke and rotate (${revoke.provider})`);
      revoke.steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
      if (revoke.url) out.push('', `Revoke it here: ${revoke.url}`);
      out.push('');
    } else {
      out.push('### Revoke and rotate', f.remediation, '');
    }
    out.push(
      '### Checklist',
      `- [ ] Revoked the credential${revoke ? ` at ${revoke.provider}` : ' at its issuer'}`,
      "- [ ] Checked the issuer's logs for use of the credential since it was committed",
      '- [ ] Issued a replacement with the least privilege and an expiry, stored in a secret store / CI secret',
      '- [ ] Removed the secret from the code (it is read from the environment or secret store at run time)',
      '- [ ] Recorded the rotation in the token inventory (owner, rotation period, expiry)',
    );
  } else {
    out.push(`## ${what(f, meta)}`, '');
    where();
    out.push(`**Rule:** ${code(f.ruleId)}, severity ${f.severity}, fingerprint ${code(f.fingerprint)}`, '');
    out.push(fitChars(f.message, 8_000), '', '### What to do', fitChars(f.remediation, 8_000), '');
    out.push('### Checklist', '- [ ] Fixed on the default branch (this issue closes itself when the default branch no longer has the finding)');
  }
  if (f.controls.length) out.push('', `**Controls:** ${f.controls.map(code).join(', ')}`);
  out.push('', '_Opened by Token Warden. Do not edit the hidden markers at the top: they stop duplicate issues._');
  return fitBody(out.join('\n'));
}

/** Comment when an issue's secret or finding shows up in another place or change. */
export function occurrenceComment(f: Finding, occurrences: readonly Occurrence[], issueClosed: boolean): string {
  const listed = occurrences.slice(0, MAX_LISTED).map(locationLine);
  if (occurrences.length > MAX_LISTED) listed.push(`and ${occurrences.length - MAX_LISTED} more places`);
  const lines = [occurrenceMarkers(occurrences).join('\n'), `Seen again: ${listed.join('; ')}.`];
  if (f.family === 'secrets') {
    // Places found only in history are deleted already: revoking is what is left.
    const deleted = occurrences.every((o) => o.history);
    lines.push(
      issueClosed
        ? 'This issue is closed: if the credential was revoked, the value is dead, but it must still be removed from the code. If it was not revoked, revoke it now.'
        : deleted
          ? 'It was deleted from the tree there, but the history still holds it: revoke it if that is not done yet.'
          : 'The credential is still committed in this place: revoke it if that is not done yet, and remove it here too.',
    );
  }
  return fitBody(lines.join('\n\n'));
}

export function resolvedComment(branch: string, sha: string): string {
  return fitBody(`The default branch ${code(branch)} no longer has this finding as of ${code(sha.slice(0, 7))}. Closing.`);
}

/** The path an issue is about, as its marker has it: redacted (`redactPath`) since markers are public. */
export const markerPath = (m: Markers): string | undefined => {
  if (!m.path) return undefined;
  try {
    return decodeURIComponent(m.path);
  } catch {
    return m.path;
  }
};

/**
 * Comment on a secret's issue when its token was submitted to (or refused by) the provider's revocation
 * API: the time and the provider's answer, never the value.
 */
export function revocationComment(outcome: 'submitted' | 'refused', provider: string, at: Date, detail?: string): string {
  const when = code(at.toISOString());
  if (outcome === 'submitted') {
    return fitBody(
      `**Revoked:** Token Warden submitted this token to ${provider}'s credential revocation API at ${when} (accepted${detail ? `: ${detail}` : ''}). ${provider} revokes it and notifies its owner.\n\nStill to do: issue a replacement where it was used, check the logs for its use since it was committed, and remove it from the code.`,
    );
  }
  return fitBody(
    `**Not revoked:** ${provider}'s credential revocation API refused the request at ${when}${detail ? `: ${detail}` : ''}. Token Warden does not submit it again: revoke it by hand (steps above).`,
  );
}
