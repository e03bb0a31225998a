/**
 * `secrets: inherit` on a reusable-workflow call hands the called workflow every secret the caller
 * can see (repository, environment and organisation secrets), not the few it uses.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { SECRET_EXPOSURE } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS } from './lib/github-permissions.js';
import { at, isYamlPath, loadWorkflow, parseUses, withoutPeerIgnored } from './lib/workflow.js';

const SHA = /^[0-9a-f]{40}$/i;

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-secrets-inherit',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'Reusable-workflow call passes every secret with `secrets: inherit`',
    controls: [...SECRET_EXPOSURE],
    remediation:
      'Replace `secrets: inherit` with a `secrets:` mapping of only the secrets the called workflow declares under `on.workflow_call.secrets` (e.g. `DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}`).',
  },
  keywords: ['inherit'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf) return [];
    const privileged = wf.triggers.some((t) => PRIVILEGED_TRIGGERS.has(t));
    const out: RawFinding[] = [];
    for (const job of wf.jobs) {
      if (!job.uses || !job.secretsInherit) continue;
      const e = job.secretsInherit;
      const u = parseUses(job.uses);
      const local = u.kind === 'local';
      const unpinned = u.kind === 'repo' && !SHA.test(u.ref ?? '');
      // A workflow in this repository is reviewed with it (KICS does not flag it; zizmor does): info.
      let severity: RawFinding['severity'] = local ? 'info' : unpinned ? 'high' : 'medium';
      if (privileged && !local) severity = 'high';
      out.push(
        at(wf.doc, e.keyNode, {
          message: local
            ? `Job \`${job.id}\` passes every secret of this repository to the local workflow \`${job.uses}\` (\`secrets: inherit\`).`
            : `Job \`${job.id}\` passes every secret it can see to \`${job.uses}\`${unpinned ? ', a workflow in another repository that is not pinned to a commit' : ', a workflow in another repository'} (\`secrets: inherit\`).`,
          construct: `job:${job.id} secrets:inherit ${job.uses.replace(/@.*$/, '')}`,
          severity,
          remediation:
            'List only the secrets the called workflow needs: `secrets: { NAME: ${{ secrets.NAME }} }` (see its `on.workflow_call.secrets`)' +
            (unpinned ? ', and pin it to a full commit SHA' : '') +
            '.',
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['secrets-inherit']);
  },
};

export default rule;
