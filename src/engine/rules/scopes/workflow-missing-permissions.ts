/**
 * No `permissions:` for a job, neither its own nor the workflow's: its GITHUB_TOKEN gets the repository
 * default, which is read/write on every scope in repositories and orgs created before February 2023
 * (and wherever an admin chose "permissive"). Reported once per workflow, with the one fix at its top
 * (`permissions: { contents: read }`) and a job-level block for each job that needs to write.
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { oneOfValues } from '../../option-schema.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, raiseSeverity } from './lib/github-permissions.js';
import type { Access } from './lib/github-permissions.js';
import { jobNeeds, suggestion } from './lib/needs.js';
import { at, isReusableOnly, isYamlPath, list, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

/** Rule options (policy `rules.scopes/workflow-missing-permissions.options`). */
export interface MissingPermissionsOptions {
  /**
   * The default GITHUB_TOKEN permissions of the repositories this policy covers, if known:
   * `permissive` (read/write), `restricted` (read contents and packages), `unknown` (default).
   */
  repositoryDefault?: 'permissive' | 'restricted' | 'unknown';
}

const BASE: Record<string, Severity> = { permissive: 'high', restricted: 'low', unknown: 'medium' };

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-missing-permissions',
    family: 'scopes',
    severity: 'medium',
    confidence: 'medium',
    description: 'GitHub Actions job runs with the repository-default GITHUB_TOKEN permissions (no `permissions:`)',
    controls: [...WORKFLOW_TOKEN],
    remediation: 'Add `permissions: { contents: read }` at the top of the workflow and grant `write` scopes only in the jobs that need them.',
    options: {
      repositoryDefault: oneOfValues(
        'The default GITHUB_TOKEN permissions of the repositories this policy covers, if known: `permissive` (read/write on every scope: high), `restricted` (read contents and packages: low) or `unknown` (medium).',
        ['permissive', 'restricted', 'unknown'],
        'unknown',
      ),
    },
  },
  keywords: ['jobs'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file, ctx) {
    const wf = loadWorkflow(file);
    if (!wf || wf.permissions || !wf.jobs.length) return [];
    const opts = ctx.options as MissingPermissionsOptions;
    const base = BASE[opts.repositoryDefault ?? 'unknown'] ?? 'medium';
    const privileged = wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
    const severity = privileged.length ? raiseSeverity(base) : base;
    const reusableOnly = isReusableOnly(wf);
    // In a reusable-only workflow the caller's permissions apply to its jobs; a job that calls another
    // reusable workflow still passes the default on unless it says otherwise.
    const defaulted = wf.jobs.filter((j) => !j.permissions && (!reusableOnly || j.uses));
    const out: RawFinding[] = [];
    if (!defaulted.length) {
      if (!reusableOnly && wf.jobs.some((j) => !j.uses || j.permissions)) {
        out.push(
          at(wf.doc, wf.onKeyNode ?? wf.root, {
            message: 'The workflow has no top-level `permissions:`; every job sets its own today, but a job added later will get the repository default.',
            construct: 'workflow no-permissions all-jobs-explicit',
            severity: 'info',
            confidence: 'low',
            remediation: 'Add `permissions: {}` (or `contents: read`) at the top of the workflow so new jobs start with nothing.',
          }),
        );
      }
      return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
    }
    const trigger = privileged.length ? ` This workflow runs on \`${privileged.join('`, `')}\`, with secrets, for events people without write access can cause.` : '';
    const defaultText =
      opts.repositoryDefault === 'restricted'
        ? 'the repository default (read-only contents and packages under this policy)'
        : 'the repository default (read/write on every scope unless the org or repository restricts it)';
    // One finding per workflow with the one fix at its top (a finding per job repeats the same
    // advice and the same missing line); jobs that need to write get their own block beside it.
    const reads = new Map<string, Access>([['contents', 'read']]);
    const writers: string[] = [];
    const unknown: string[] = [];
    for (const job of defaulted) {
      const needs = jobNeeds(wf, job);
      const writes = [...needs.grants].filter(([, g]) => g.access === 'write');
      for (const [scope, g] of needs.grants) if (g.access === 'read' && !reads.has(scope)) reads.set(scope, 'read');
      if (writes.length) writers.push(suggestion(needs, `job \`${job.id}\``));
      else if (needs.unknown.length) unknown.push(...needs.unknown);
    }
    const top = `{ ${[...reads]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')} }`;
    const calls = defaulted.filter((j) => j.uses);
    const names = defaulted.map((j) => `\`${j.id}\``);
    const allDefaulted = defaulted.length === wf.jobs.length;
    const first = defaulted[0]!;
    const anchor = allDefaulted ? (wf.onKeyNode ?? first.keyNode ?? first.node) : (first.keyNode ?? first.node);
    const jobsText =
      defaulted.length === 1 ? `Job ${names[0]}` : allDefaulted ? `None of its ${defaulted.length} jobs` : `${defaulted.length} jobs (${list(names.slice(0, 6))}${names.length > 6 ? ' …' : ''})`;
    const subject =
      defaulted.length === 1
        ? `${jobsText} has no \`permissions:\` and neither has the workflow, so its GITHUB_TOKEN gets`
        : allDefaulted
          ? `The workflow has no \`permissions:\` and ${jobsText.toLowerCase()} sets any, so every job's GITHUB_TOKEN gets`
          : `${jobsText} have no \`permissions:\` and neither has the workflow, so their GITHUB_TOKEN gets`;
    const callNote = calls.length
      ? ` ${calls.length === 1 ? `\`${calls[0]!.id}\` calls a reusable workflow and hands` : `${calls.length} jobs call reusable workflows and hand`} the same default on.`
      : '';
    let remediation = `Add \`permissions: ${top}\` at the top of the workflow, so every job starts from read-only.`;
    if (writers.length) remediation += ` Then grant write only where it is needed — ${writers.join(' ')}`;
    if (unknown.length)
      remediation += ` Check what ${list([...new Set(unknown)].slice(0, 4))} does with the token${calls.length ? ' (a called workflow may need its scopes granted in the calling job)' : ''}.`;
    out.push(
      at(wf.doc, anchor, {
        message: `${subject} ${defaultText}.${callNote}${trigger}`,
        construct: 'workflow permissions:default',
        severity,
        remediation,
      }),
    );
    return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
  },
};

export default rule;
