/**
 * No `permissions:` for a job, neither its own nor the workflow's: its GITHUB_TOKEN gets the repository
 * default, which is read/write on every scope in repositories and orgs created before February 2023
 * (and wherever an admin chose "permissive").
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, raiseSeverity } from './lib/github-permissions.js';
import { jobNeeds, suggestion } from './lib/needs.js';
import { at, isReusableOnly, isYamlPath, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

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
    remediation:
      'Add `permissions: { contents: read }` at the top of the workflow and grant `write` scopes only in the jobs that need them.',
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
    const trigger = privileged.length
      ? ` This workflow runs on \`${privileged.join('`, `')}\`, with secrets, for events people without write access can cause.`
      : '';
    const defaultText =
      opts.repositoryDefault === 'restricted'
        ? 'the repository default (read-only contents and packages under this policy)'
        : 'the repository default (read/write on every scope unless the org or repository restricts it)';
    for (const job of defaulted) {
      const needs = jobNeeds(wf, job);
      out.push(
        at(wf.doc, job.keyNode ?? job.node, {
          message: job.uses
            ? `Job \`${job.id}\` calls reusable workflow \`${job.uses}\` without \`permissions:\`, so it hands on ${defaultText}.${trigger}`
            : `Job \`${job.id}\` has no \`permissions:\` and neither has the workflow, so its GITHUB_TOKEN gets ${defaultText}.${trigger}`,
          construct: `job:${job.id} permissions:default`,
          severity,
          remediation: `Declare what the job needs — suggested for ${suggestion(needs, `job \`${job.id}\``)} Better still, also add \`permissions: { contents: read }\` (or \`{}\`) at the top of the workflow so every job starts from read-only.`,
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
  },
};

export default rule;
