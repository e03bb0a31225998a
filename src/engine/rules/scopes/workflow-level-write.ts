/**
 * `write` scopes granted at the workflow level: every job without its own `permissions:` inherits
 * them, including jobs that only build or test. Writes belong on the job that needs them. A write
 * every inheriting job needs today is low (medium on privileged triggers): only a job added later
 * would get more than it needs.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, SUPPLY_CHAIN_SCOPES, TOKEN_SCOPES, lowerSeverity, raiseSeverity, writeSeverity } from './lib/github-permissions.js';
import { jobNeeds } from './lib/needs.js';
import { at, code, isReusableOnly, isYamlPath, list, loadWorkflow, withoutPeerIgnored } from './lib/workflow.js';

const rule: Rule = {
  meta: {
    id: 'scopes/workflow-level-write',
    family: 'scopes',
    severity: 'high',
    confidence: 'high',
    description: 'GitHub Actions workflow grants `write` scopes to all its jobs instead of the job that needs them',
    controls: [...WORKFLOW_TOKEN],
    remediation: 'Set the workflow-level `permissions:` to read-only (`contents: read`) and add the `write` scope to the `permissions:` of the one job that needs it.',
  },
  keywords: ['write'],
  scope: 'file',
  appliesTo: isYamlPath,
  check(file) {
    const wf = loadWorkflow(file);
    if (!wf || wf.permissions?.kind !== 'map') return [];
    const writes = wf.permissions.scopes.filter((s) => s.value === 'write' && TOKEN_SCOPES[s.name]?.values.includes('write'));
    if (!writes.length) return [];
    const privileged = wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
    const inheriting = wf.jobs.filter((j) => !j.permissions);
    const reusableOnly = isReusableOnly(wf);
    // The grant reaches one job or none today: it is still broader than a job-level grant (a job added
    // later inherits it), but it only matters for supply-chain scopes or privileged triggers.
    const dormant = wf.jobs.length <= 1 || inheriting.length === 0 || reusableOnly;
    const out: RawFinding[] = [];
    for (const grant of writes) {
      const scope = grant.name;
      if (dormant && !privileged.length && !SUPPLY_CHAIN_SCOPES.has(scope)) continue;
      let severity = writeSeverity(scope);
      if (privileged.length) severity = raiseSeverity(severity);
      if (dormant) severity = lowerSeverity(severity);
      if (severity === 'info') severity = 'low';
      const needers = inheriting.filter((j) => jobNeeds(wf, j).grants.get(scope)?.access === 'write');
      const unsure = inheriting.filter((j) => !needers.includes(j) && jobNeeds(wf, j).unknown.length);
      const others = inheriting.filter((j) => !needers.includes(j) && !unsure.includes(j));
      // Every job that inherits the grant writes with it today: moving it down the jobs changes nothing
      // now; only a job added later would get more than it needs.
      const everyJobNeeds = inheriting.length > 0 && needers.length === inheriting.length;
      if (everyJobNeeds) severity = privileged.length ? 'medium' : 'low';
      const risk = TOKEN_SCOPES[scope]!.writeRisk;
      const lowered = TOKEN_SCOPES[scope]!.values.includes('read') ? `\`${scope}: read\` (or \`none\`)` : `\`${scope}: none\``;
      const where = privileged.length ? ` in a workflow run on \`${privileged.join('`, `')}\`` : '';
      let message: string;
      if (inheriting.length === 0) {
        message = `\`${scope}: write\` is granted at the workflow level${where}; every job sets its own permissions today, but any job added later inherits the right to ${risk}.`;
      } else if (everyJobNeeds) {
        const names = inheriting.map((j) => code(j.id));
        message = `\`${scope}: write\` is granted at the workflow level${where}; ${names.length === 1 ? `its one job ${names[0]} needs` : `every job (${list(names)}) needs`} it today, but any job added later inherits the right to ${risk} too.`;
      } else if (wf.jobs.length === 1 || reusableOnly) {
        const names = inheriting.map((j) => code(j.id));
        message = `\`${scope}: write\` is granted at the workflow level${where}: ${list(names)} ${names.length === 1 ? 'gets' : 'get'} it, and so will any job added later (it can ${risk}).`;
      } else {
        const who =
          inheriting.length === 1 ? `job ${code(inheriting[0]!.id)}` : `${inheriting.length === wf.jobs.length ? 'all' : inheriting.length} jobs (${list(inheriting.map((j) => code(j.id)))})`;
        message = `\`${scope}: write\` is granted at the workflow level${where}, so ${who} can ${risk}.`;
      }
      let remediation: string;
      if (needers.length) {
        const reasons = [...new Set(needers.flatMap((j) => jobNeeds(wf, j).grants.get(scope)!.because))];
        remediation = `Move \`${scope}: write\` into the \`permissions:\` of ${list(needers.map((j) => `job \`${j.id}\``))} (${list(reasons)} need${reasons.length === 1 ? 's' : ''} it)`;
        remediation +=
          others.length || unsure.length ? ` and set the workflow level to ${lowered} for ${list([...others, ...unsure].map((j) => code(j.id)))}.` : ', and set the workflow level to read-only.';
      } else if (unsure.length) {
        remediation = `Check whether ${list(unsure.map((j) => `job \`${j.id}\``))} really writes with the token (${list([...new Set(unsure.flatMap((j) => jobNeeds(wf, j).unknown))])}); grant \`${scope}: write\` in that job's own \`permissions:\` and make the workflow level ${lowered}.`;
      } else {
        remediation = `No step we recognise needs \`${scope}: write\`: lower it to ${lowered} (or remove it), and if one job does need it, grant it in that job's \`permissions:\` only.`;
      }
      out.push(
        at(wf.doc, grant.keyNode, {
          message,
          construct: `workflow permissions:${scope}:write`,
          severity,
          confidence: dormant || everyJobNeeds ? 'medium' : 'high',
          remediation,
        }),
      );
    }
    return withoutPeerIgnored(file.text, out, ['excessive-permissions']);
  },
};

export default rule;
