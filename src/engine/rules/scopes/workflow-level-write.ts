/**
 * `write` scopes granted at the workflow level: every job without its own `permissions:` inherits
 * them, including jobs that only build or test. Writes belong on the job that needs them. A write
 * every inheriting job needs today is low (medium on privileged triggers): only a job added later
 * would get more than it needs.
 *
 * A job that calls a reusable workflow (`uses: ./.github/workflows/x.yml`) passes the grant on only as far
 * as the called workflow lets it: GitHub caps the called workflow's token at the caller's permissions,
 * and the called workflow's own `permissions:` (top level or per job) narrow it further. The called file
 * is read from the scan (this rule is cross-file): a call whose workflow keeps the scope below `write`
 * is not counted; a call whose file the scan does not have (or another repository's) "may" get it.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { callReach, localCallPath, type CallReach } from './lib/called-workflow.js';
import { WORKFLOW_TOKEN } from './lib/controls.js';
import { PRIVILEGED_TRIGGERS, SUPPLY_CHAIN_SCOPES, TOKEN_SCOPES, lowerSeverity, raiseSeverity, writeSeverity } from './lib/github-permissions.js';
import { jobNeeds } from './lib/needs.js';
import { at, code, isReusableOnly, isWorkflowPath, isYamlPath, list, loadWorkflow, withoutPeerIgnored, type Job } from './lib/workflow.js';

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
  // The workflows that calls in this one run (`uses: ./.github/workflows/x.yml`).
  context: (path) => isWorkflowPath(path),
  check(file, ctx) {
    const wf = loadWorkflow(file);
    if (!wf || wf.permissions?.kind !== 'map') return [];
    const writes = wf.permissions.scopes.filter((s) => s.value === 'write' && TOKEN_SCOPES[s.name]?.values.includes('write'));
    if (!writes.length) return [];
    const privileged = wf.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
    const inheriting = wf.jobs.filter((j) => !j.permissions);
    const reusableOnly = isReusableOnly(wf);
    const out: RawFinding[] = [];
    /** Findings of a write the one job uses or may use, by scope: merged below. */
    const onlyJobs = new Map<RawFinding, string>();
    for (const grant of writes) {
      const scope = grant.name;
      // The jobs without their own `permissions:` get the grant, less calls of workflows that keep the
      // scope below `write`; a call whose workflow is not in the scan may get it.
      const calls = new Map<Job, CallReach>();
      for (const j of inheriting) if (j.uses) calls.set(j, callReach(ctx.repo, file.path, j, scope));
      const narrowing = inheriting.filter((j) => calls.get(j)?.reach === 'no');
      const affected = inheriting.filter((j) => !narrowing.includes(j));
      const maybeCalls = affected.filter((j) => calls.get(j)?.reach === 'maybe');
      const certain = affected.filter((j) => !maybeCalls.includes(j));
      // The grant reaches one job or none today: it is still broader than a job-level grant (a job added
      // later inherits it), but it only matters for supply-chain scopes or privileged triggers.
      const dormant = wf.jobs.length <= 1 || affected.length === 0 || reusableOnly;
      if (dormant && !privileged.length && !SUPPLY_CHAIN_SCOPES.has(scope)) continue;
      let severity = writeSeverity(scope);
      if (privileged.length) severity = raiseSeverity(severity);
      if (dormant) severity = lowerSeverity(severity);
      if (severity === 'info') severity = 'low';
      const need = (j: Job): { kind: 'write' | 'unknown' | 'none'; because: string[]; unknown: string[] } => {
        const r = calls.get(j);
        if (r && r.reach === 'yes') return { kind: r.needs, because: r.because, unknown: r.needs === 'unknown' ? [`the reusable workflow ${r.path ?? j.uses ?? ''}`] : [] };
        const n = jobNeeds(wf, j);
        const g = n.grants.get(scope);
        if (g?.access === 'write') return { kind: 'write', because: g.because, unknown: [] };
        return { kind: n.unknown.length ? 'unknown' : 'none', because: [], unknown: n.unknown };
      };
      const needers = affected.filter((j) => need(j).kind === 'write');
      const unsure = affected.filter((j) => need(j).kind === 'unknown');
      const others = affected.filter((j) => need(j).kind === 'none');
      // Every job that gets the grant writes with it today: moving it down the jobs changes nothing
      // now; only a job added later would get more than it needs.
      const everyJobNeeds = affected.length > 0 && needers.length === affected.length;
      if (everyJobNeeds) severity = privileged.length ? 'medium' : 'low';
      // One job, which writes with the scope or may (a step we do not know): the workflow-level grant is its
      // job-level grant today, whatever the trigger, so moving it changes nothing until a second job is added.
      // A one-job workflow that calls a reusable workflow is the same: the call gets at most what the job has.
      const jobsGrant = wf.jobs.length === 1 && affected.length === 1 && need(affected[0]!).kind !== 'none';
      if (jobsGrant) severity = 'low';
      const risk = TOKEN_SCOPES[scope]!.writeRisk;
      const lowered = TOKEN_SCOPES[scope]!.values.includes('read') ? `\`${scope}: read\` (or \`none\`)` : `\`${scope}: none\``;
      const where = privileged.length ? ` in a workflow run on \`${privileged.join('`, `')}\`` : '';
      const narrowed = narrowing.length
        ? ` (${narrowing.length === 1 ? `job ${code(narrowing[0]!.id)} calls a workflow that keeps` : `jobs ${list(narrowing.map((j) => code(j.id)))} call workflows that keep`} it below \`write\`)`
        : '';
      const unread = (j: Job): string => (localCallPath(file.path, j.uses ?? '') ? 'not in this scan' : 'in another repository');
      const maybe = (too: string): string => {
        const where = [...new Set(maybeCalls.map(unread))];
        return maybeCalls.length === 1
          ? `the workflow job ${code(maybeCalls[0]!.id)} calls (${where[0]}) may get it${too}, unless its own \`permissions:\` narrow it`
          : `the workflows jobs ${list(maybeCalls.map((j) => code(j.id)))} call (${where.length === 1 ? where[0]!.replace('another repository', 'other repositories') : 'not read here'}) may get it${too}, unless their own \`permissions:\` narrow it`;
      };
      let message: string;
      if (affected.length === 0) {
        message = `\`${scope}: write\` is granted at the workflow level${where}; ${narrowing.length ? `no job gets it today${narrowed}` : 'every job sets its own permissions today'}, but any job added later inherits the right to ${risk}.`;
      } else if (everyJobNeeds) {
        const names = affected.map((j) => code(j.id));
        const one = wf.jobs.length === 1 ? `its one job ${names[0]} needs` : `the one job that inherits it, ${names[0]}, needs`;
        message = `\`${scope}: write\` is granted at the workflow level${where}; ${names.length === 1 ? one : `every job (${list(names)}) needs`} it today${narrowed}, but any job added later inherits the right to ${risk} too.`;
      } else if (!certain.length) {
        message = `\`${scope}: write\` is granted at the workflow level${where}${narrowed}: ${maybe('')}, and any job added later will (it can ${risk}).`;
      } else if (wf.jobs.length === 1 || reusableOnly) {
        const names = certain.map((j) => code(j.id));
        message = `\`${scope}: write\` is granted at the workflow level${where}${narrowed}: ${list(names)} ${names.length === 1 ? 'gets' : 'get'} it, and so will any job added later (it can ${risk})${maybeCalls.length ? `; ${maybe(' too')}` : ''}.`;
      } else {
        const who = certain.length === 1 ? `job ${code(certain[0]!.id)}` : `${certain.length === wf.jobs.length ? 'all' : certain.length} jobs (${list(certain.map((j) => code(j.id)))})`;
        message = `\`${scope}: write\` is granted at the workflow level${where}${narrowed}, so ${who} can ${risk}${maybeCalls.length ? `; ${maybe(' too')}` : ''}.`;
      }
      let remediation: string;
      if (needers.length) {
        const reasons = [...new Set(needers.flatMap((j) => need(j).because))];
        remediation = `Move \`${scope}: write\` into the \`permissions:\` of ${list(needers.map((j) => `job \`${j.id}\``))} (${list(reasons)} need${reasons.length === 1 ? 's' : ''} it)`;
        remediation +=
          others.length || unsure.length ? ` and set the workflow level to ${lowered} for ${list([...others, ...unsure].map((j) => code(j.id)))}.` : ', and set the workflow level to read-only.';
      } else if (unsure.length) {
        remediation = `Check whether ${list(unsure.map((j) => `job \`${j.id}\``))} really writes with the token (${list([...new Set(unsure.flatMap((j) => need(j).unknown))])}); grant \`${scope}: write\` in that job's own \`permissions:\` and make the workflow level ${lowered}.`;
      } else {
        remediation = `No step we recognise needs \`${scope}: write\`: lower it to ${lowered} (or remove it), and if one job does need it, grant it in that job's \`permissions:\` only.`;
      }
      const f = at(wf.doc, grant.keyNode, {
        message,
        construct: `workflow permissions:${scope}:write`,
        severity,
        confidence: dormant || everyJobNeeds ? 'medium' : 'high',
        remediation,
      });
      out.push(f);
      if (jobsGrant) onlyJobs.set(f, scope);
    }
    return withoutPeerIgnored(file.text, oneJobTogether(out, onlyJobs, wf.jobs), ['excessive-permissions']);
  },
};

/**
 * A one-job workflow's low findings (each write its one job uses or may use) are one finding: the block is
 * that job's grant today, and the fix is one move, not one per scope.
 */
function oneJobTogether(out: RawFinding[], onlyJobs: ReadonlyMap<RawFinding, string>, jobs: readonly Job[]): RawFinding[] {
  const low = out.filter((f) => onlyJobs.has(f));
  if (jobs.length !== 1 || low.length < 2) return out;
  const scopes = low.map((f) => onlyJobs.get(f)!);
  const job = code(jobs[0]!.id);
  const merged: RawFinding = {
    ...low[0]!,
    message: `${list(scopes.map((s) => `\`${s}: write\``))} are granted at the workflow level; its one job ${job} uses or may use them, so today this is that job's grant, but any job added later inherits them all.`,
    remediation: `Move the \`permissions:\` block into job ${job} and set the workflow level to \`contents: read\`, so that a job added later starts from read-only.`,
    construct: `workflow permissions:${scopes.join('+')}:write`,
  };
  return [merged, ...out.filter((f) => !onlyJobs.has(f))];
}

export default rule;
