/**
 * `permissions: read-all`: read access to every scope (code scanning alerts, Actions logs and
 * artifacts, packages, deployments…) where most jobs need `contents: read` alone. Reported at `info`
 * by default — OpenSSF Scorecard, checkov and KICS accept `read-all`; zizmor flags it — so an org that
 * wants it enforced sets `scopes/workflow-read-all: warn` (or `fail`).
 */
import type { RawFinding, Rule } from '../../rule.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { jobNeeds, jobsAdvice, suggestion } from './lib/needs.js';
import { at, isYamlPath, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-read-all',
    family: 'scopes',
    severity: 'info',
    confidence: 'high',
    description: 'GitHub Actions workflow or job grants the GITHUB_TOKEN `read-all`',
    controls: [...WORKFLOW_TOKEN],
    remediation: 'Replace `read-all` with the scopes the job reads, usually `permissions: { contents: read }`.',
  },
  keywords: ['read-all'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const out: RawFinding[] = [];
    if (wf.permissions?.kind === 'read-all') {
      const inheriting = wf.jobs.filter((j) => !j.permissions);
      out.push(
        at(wf.doc, wf.permissions.keyNode ?? wf.permissions.valueNode, {
          message: 'The workflow grants its jobs read access to every GITHUB_TOKEN scope (`read-all`), not just the ones they read.',
          construct: 'workflow permissions:read-all',
          remediation: `Replace \`read-all\` with explicit scopes. ${inheriting.length ? `Suggested: ${jobsAdvice(wf, inheriting)}` : 'Every job sets its own permissions, so the workflow level can be `{}`.'}`,
        }),
      );
    }
    for (const job of wf.jobs) {
      if (job.permissions?.kind !== 'read-all') continue;
      out.push(
        at(wf.doc, job.permissions.keyNode ?? job.permissions.valueNode, {
          message: `Job \`${job.id}\` grants its GITHUB_TOKEN read access to every scope (\`read-all\`).`,
          construct: `job:${job.id} permissions:read-all`,
          remediation: `Replace \`read-all\` with the scopes the job reads. Suggested for ${suggestion(jobNeeds(wf, job), `job \`${job.id}\``)}`,
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
  },
};

export default rule;
