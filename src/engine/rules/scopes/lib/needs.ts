/**
 * What a job's GITHUB_TOKEN most likely needs, from the actions and commands it runs — so a finding
 * can name the smallest `permissions:` block instead of saying "use least privilege". A catalogue of
 * well-known actions and `gh` / `git` commands; anything else that touches the token makes the
 * suggestion "at least", and says which step to check.
 */
import type { YamlDoc } from '../../../parse/yaml.js';
import type { Access } from './github-permissions.js';
import { input, usesAction, type Job, type Step, type Workflow, type CompositeAction } from './workflow.js';

type Grant = Record<string, 'read' | 'write'>;

interface ActionNeed {
  action: string;
  /** Match any sub-path of the repository (e.g. `github/codeql-action/*`). */
  anyPath?: boolean;
  grant: Grant | ((doc: YamlDoc, step: Step) => Grant | undefined);
}

const W = 'write' as const;
const R = 'read' as const;

const ACTIONS: ActionNeed[] = [
  { action: 'actions/checkout', grant: { contents: R } },
  { action: 'actions/labeler', grant: { contents: R, 'pull-requests': W } },
  // v9 keeps its state in the Actions cache and deletes the old entry: `actions: write`.
  { action: 'actions/stale', grant: { issues: W, 'pull-requests': W, actions: W } },
  { action: 'actions/deploy-pages', grant: { pages: W, 'id-token': W } },
  { action: 'actions/attest-build-provenance', grant: { 'id-token': W, attestations: W } },
  { action: 'actions/attest-sbom', grant: { 'id-token': W, attestations: W } },
  { action: 'actions/attest', grant: { 'id-token': W, attestations: W } },
  { action: 'actions/create-release', grant: { contents: W } },
  { action: 'actions/upload-release-asset', grant: { contents: W } },
  { action: 'actions/dependency-review-action', grant: { contents: R } },
  { action: 'actions/first-interaction', grant: { issues: W, 'pull-requests': W } },
  { action: 'github/codeql-action', anyPath: true, grant: { 'security-events': W, contents: R, actions: R } },
  { action: 'ossf/scorecard-action', grant: { 'security-events': W, 'id-token': W } },
  { action: 'zizmorcore/zizmor-action', grant: { 'security-events': W } },
  { action: 'softprops/action-gh-release', grant: { contents: W } },
  { action: 'ncipollo/release-action', grant: { contents: W } },
  { action: 'goreleaser/goreleaser-action', grant: { contents: W } },
  { action: 'release-drafter/release-drafter', grant: { contents: W, 'pull-requests': R } },
  { action: 'googleapis/release-please-action', grant: { contents: W, 'pull-requests': W } },
  { action: 'google-github-actions/release-please-action', grant: { contents: W, 'pull-requests': W } },
  { action: 'changesets/action', grant: { contents: W, 'pull-requests': W } },
  { action: 'peter-evans/create-pull-request', grant: { contents: W, 'pull-requests': W } },
  { action: 'peter-evans/create-or-update-comment', grant: { issues: W, 'pull-requests': W } },
  { action: 'stefanzweifel/git-auto-commit-action', grant: { contents: W } },
  { action: 'endbug/add-and-commit', grant: { contents: W } },
  { action: 'peaceiris/actions-gh-pages', grant: { contents: W } },
  { action: 'jamesives/github-pages-deploy-action', grant: { contents: W } },
  { action: 'marocchino/sticky-pull-request-comment', grant: { 'pull-requests': W } },
  { action: 'thollander/actions-comment-pull-request', grant: { 'pull-requests': W } },
  { action: 'mshick/add-pr-comment', grant: { 'pull-requests': W } },
  // Comments on issues, pull requests and discussions whose images lack alt text.
  { action: 'github/accessibility-alt-text-bot', grant: { issues: W, 'pull-requests': W, discussions: W } },
  { action: 'enricomi/publish-unit-test-result-action', grant: { checks: W, 'pull-requests': W } },
  { action: 'dorny/test-reporter', grant: { checks: W } },
  { action: 'mikepenz/action-junit-report', grant: { checks: W } },
  { action: 'pypa/gh-action-pypi-publish', grant: { 'id-token': W } },
  { action: 'rubygems/release-gem', grant: { 'id-token': W, contents: W } },
  { action: 'slsa-framework/slsa-github-generator', anyPath: true, grant: { 'id-token': W, contents: W, actions: R } },
  {
    action: 'aws-actions/configure-aws-credentials',
    grant: (doc, step) => (input(doc, step, 'role-to-assume') && !input(doc, step, 'aws-access-key-id') ? { 'id-token': W } : undefined),
  },
  { action: 'google-github-actions/auth', grant: (doc, step) => (input(doc, step, 'workload_identity_provider') ? { 'id-token': W } : undefined) },
  { action: 'azure/login', grant: (doc, step) => (input(doc, step, 'creds') ? undefined : { 'id-token': W }) },
  { action: 'hashicorp/vault-action', grant: (doc, step) => (/^jwt$/i.test(input(doc, step, 'method')?.value ?? '') ? { 'id-token': W } : undefined) },
  { action: 'docker/login-action', grant: (doc, step) => (/ghcr\.io|docker\.pkg\.github\.com/i.test(input(doc, step, 'registry')?.value ?? '') ? { packages: W } : undefined) },
];

const COMMANDS: Array<{ re: RegExp; grant: Grant; what: string }> = [
  { re: /\bgh\s+release\s+(?:create|upload|edit|delete)\b/, grant: { contents: W }, what: '`gh release`' },
  { re: /\bgit\s+push\b/, grant: { contents: W }, what: '`git push`' },
  { re: /\bgh\s+pr\s+merge\b/, grant: { contents: W, 'pull-requests': W }, what: '`gh pr merge`' },
  { re: /\bgh\s+pr\s+(?:comment|review|edit|close|create|ready|reopen)\b/, grant: { 'pull-requests': W }, what: '`gh pr`' },
  { re: /\bgh\s+issue\s+(?:comment|create|edit|close|reopen|delete|transfer|pin|lock)\b/, grant: { issues: W }, what: '`gh issue`' },
  { re: /\bgh\s+label\s+(?:create|edit|delete|clone)\b/, grant: { issues: W }, what: '`gh label`' },
  { re: /\bgh\s+(?:workflow\s+(?:run|enable|disable)|run\s+(?:cancel|rerun|delete))\b/, grant: { actions: W }, what: '`gh workflow` / `gh run`' },
  { re: /\bgh\s+cache\s+delete\b/, grant: { actions: W }, what: '`gh cache delete`' },
  { re: /\bnpm\s+publish\b[^\n]*--provenance\b/, grant: { 'id-token': W }, what: '`npm publish --provenance`' },
  // npm's trusted publishing (npm 11.5.1+) and provenance (`NPM_CONFIG_PROVENANCE`) take the job's OIDC token,
  // for any client that publishes through npm; lerna also pushes its version commit and tags; uv publishes to
  // PyPI with it.
  { re: /\b(?:npm|pnpm|yarn|bun)\s+(?:[\w-]+\s+)*?publish\b|\bchangeset\s+publish\b/, grant: { 'id-token': W }, what: 'an npm publish (trusted publishing or provenance)' },
  { re: /\blerna\s+publish\b/, grant: { contents: W, 'id-token': W }, what: '`lerna publish`' },
  { re: /\buv\s+publish\b/, grant: { 'id-token': W }, what: '`uv publish` (trusted publishing)' },
  { re: /\bdocker\s+push\s+ghcr\.io\//, grant: { packages: W }, what: '`docker push ghcr.io/…`' },
  { re: /\b(?:npx|pnpm|yarn|bunx|npm\s+exec)\b[^\n]*\bsemantic-release\b/, grant: { contents: W, issues: W, 'pull-requests': W }, what: '`semantic-release`' },
  { re: /\bmvnw?\b[^\n]*\brelease:prepare\b/, grant: { contents: W }, what: '`mvn release:prepare`' },
  { re: /\b(?:npx\s+)?gh-pages\s+-d\b/, grant: { contents: W }, what: '`gh-pages`' },
];

const GITHUB_BOT = /^[\w.-]+\/[\w./-]*(?:bot|comment|label|issue|pull-request|pr-|triage|stale|assign|greet|welcome|review|merge|approve|release|changelog|milestone|discussion)/i;

/** Steps that use the token in ways the catalogue cannot tell. */
const TOKEN_USE = /\bgithub\.token\b|\bsecrets\.GITHUB_TOKEN\b|\bgh\s+api\b/i;

export interface Needs {
  /** scope → access, with the steps that need it. */
  grants: Map<string, { access: 'read' | 'write'; because: string[] }>;
  /** Steps that use the token in ways the catalogue does not know (so the suggestion is a floor). */
  unknown: string[];
}

function stepLabel(doc: YamlDoc, step: Step): string {
  const name = doc.str(doc.get(step.node, 'name'));
  if (step.uses) return step.uses.replace(/@.*$/, '');
  if (name) return `step "${name}"`;
  const first = step.run?.trim().split('\n')[0]?.trim();
  if (first) return `\`${first.length > 40 ? first.slice(0, 39) + '…' : first}\``;
  return `step ${step.index + 1}`;
}

/** What the steps of a job (or a composite action) need from the GITHUB_TOKEN. */
export function inferNeeds(doc: YamlDoc, steps: readonly Step[]): Needs {
  const grants = new Map<string, { access: 'read' | 'write'; because: string[] }>();
  const unknown: string[] = [];
  const add = (g: Grant, why: string): void => {
    for (const [scope, access] of Object.entries(g)) {
      const cur = grants.get(scope);
      if (!cur) grants.set(scope, { access, because: [why] });
      else if (access === 'write' && cur.access === 'read') grants.set(scope, { access, because: [why] });
      else if (access === cur.access && !cur.because.includes(why)) cur.because.push(why);
    }
  };
  for (const step of steps) {
    let known = false;
    if (step.uses) {
      for (const a of ACTIONS) {
        if (!usesAction(step.uses, a.action, a.anyPath)) continue;
        const g = typeof a.grant === 'function' ? a.grant(doc, step) : a.grant;
        if (g) add(g, stepLabel(doc, step));
        known = true;
        break;
      }
    }
    if (step.run) {
      for (const c of COMMANDS) if (c.re.test(step.run)) add(c.grant, c.what);
    }
    const src = doc.source(step.node) ?? '';
    const ranKnownCommand = !!step.run && COMMANDS.some((c) => c.re.test(step.run!)) && !/\bgh\s+api\b/.test(step.run);
    const usesToken = TOKEN_USE.test(src) || (!!step.uses && /\bgithub-script\b/i.test(step.uses));
    // A local action (`uses: ./`, an action's own tests): this repository's code, which may call the API or
    // request an OIDC token with no input to say so.
    const local = !!step.uses && /^\.\.?\//.test(step.uses.trim());
    // An action the catalogue does not know whose name says it works on the repository's issues, pull
    // requests or releases (a bot, a labeler, a commenter): most take `github.token` as a default input, so
    // what it writes cannot be told from the workflow.
    const githubBot = !!step.uses && !known && GITHUB_BOT.test(step.uses.replace(/@.*$/, ''));
    if (!known && !ranKnownCommand && (usesToken || local || githubBot)) unknown.push(stepLabel(doc, step));
  }
  return { grants, unknown };
}

/** Needs of one job of a workflow (a reusable-workflow call: unknown, the callee decides). */
export function jobNeeds(wf: Workflow | CompositeAction, job?: Job): Needs {
  if (wf.kind === 'action') return inferNeeds(wf.doc, wf.steps);
  if (!job) return { grants: new Map(), unknown: [] };
  if (job.uses) return { grants: new Map(), unknown: [`the reusable workflow ${job.uses.replace(/@.*$/, '')}`] };
  return inferNeeds(wf.doc, job.steps);
}

/** `{ contents: read, pull-requests: write }` — the block to write, from needs (`{}` when none). */
export function permissionsBlock(needs: Needs, extra: Record<string, Access> = {}): string {
  const all = new Map<string, string>();
  for (const [k, v] of needs.grants) all.set(k, v.access);
  for (const [k, v] of Object.entries(extra)) if (!all.has(k) || v === 'write') all.set(k, v);
  if (!all.size) return '{}';
  const keys = [...all.keys()].sort();
  return `{ ${keys.map((k) => `${k}: ${all.get(k)}`).join(', ')} }`;
}

/** One sentence naming the suggested permissions of a job and why. */
export function suggestion(needs: Needs, who: string): string {
  const block = permissionsBlock(needs);
  const why = [...needs.grants.entries()].filter(([, v]) => v.access === 'write').map(([k, v]) => `${k}: write for ${v.because.join(', ')}`);
  let s = `${who}: \`permissions: ${block}\``;
  if (why.length) s += ` (${why.join('; ')})`;
  if (needs.unknown.length) s += ` — at least; check what ${needs.unknown.join(', ')} does with the token`;
  return s + '.';
}

/** Suggested `permissions:` per job, as sentences (at most `max` jobs, then a count). */
export function jobsAdvice(wf: Workflow, jobs: readonly Job[], max = 6): string {
  const lines = jobs.slice(0, max).map((j) => suggestion(jobNeeds(wf, j), `job \`${j.id}\``));
  if (jobs.length > max) lines.push(`… and ${jobs.length - max} more job(s).`);
  return lines.join(' ');
}
