/** `permissions: write-all` on a workflow or a job: every scope of the GITHUB_TOKEN writable. */
import type { RawFinding, Rule } from '../../rule.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS } from './lib/github-permissions.js';
import { jobsAdvice, jobNeeds, suggestion } from './lib/needs.js';
import { at, isYamlPath, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-write-all',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GitHub Actions workflow or job grants the GITHUB_TOKEN `write-all`',
    controls: [...WORKFLOW_TOKEN],
    remediation: 'Replace `permissions: write-all` with the scopes the job needs (`contents: read` for most builds) and grant `write` only on the scopes and jobs that must write.',
  },
  keywords: ['write-all'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const out: RawFinding[] = [];
    const privileged = wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
    const onPrivileged = privileged.length ? ` on \`${privileged.join('`, `')}\` (run with secrets, triggered by people without write access)` : '';
    if (wf.permissions?.kind === 'write-all') {
      const inheriting = wf.jobs.filter((j) => !j.permissions);
      out.push(
        at(wf.doc, wf.permissions.keyNode ?? wf.permissions.valueNode, {
          message:
            inheriting.length || !wf.jobs.length
              ? `The workflow grants every job${inheriting.length < wf.jobs.length ? ' without its own `permissions:`' : ''} a GITHUB_TOKEN that can write to every scope${onPrivileged}.`
              : `The workflow-level \`write-all\` reaches no job today (each sets its own \`permissions:\`), but any job added later gets a GITHUB_TOKEN that can write to every scope${onPrivileged}.`,
          construct: 'workflow permissions:write-all',
          severity: inheriting.length || !wf.jobs.length ? (privileged.length ? 'critical' : 'high') : privileged.length ? 'high' : 'medium',
          remediation:
            'Set the workflow level to `permissions: {}` (or `contents: read`) and give each job only what it needs. ' +
            (inheriting.length ? jobsAdvice(wf, inheriting) : 'Every job declares its own permissions, so the workflow-level grant can simply become `{}`.'),
        }),
      );
    }
    for (const job of wf.jobs) {
      if (job.permissions?.kind !== 'write-all') continue;
      out.push(
        at(wf.doc, job.permissions.keyNode ?? job.permissions.valueNode, {
          message: `Job \`${job.id}\` grants its GITHUB_TOKEN write access to every scope${onPrivileged}.`,
          construct: `job:${job.id} permissions:write-all`,
          severity: privileged.length ? 'critical' : 'high',
          remediation: `Replace \`write-all\` with the scopes the job uses. Suggested for ${suggestion(jobNeeds(wf, job), `job \`${job.id}\``)}`,
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
  },
};

export default rule;
