/**
 * A workflow that publishes a package with a stored registry token, to a registry that accepts OIDC
 * trusted publishing from GitHub Actions: the token is a credential someone must rotate by hand for
 * ever, and it publishes from anywhere once it leaks, while trusted publishing mints a short-lived,
 * repository- and workflow-bound token per run.
 *
 * Registries with trusted publishing from GitHub Actions (their own documentation):
 * npm (npm CLI ≥ 11.5.1, docs.npmjs.com/trusted-publishers), PyPI (docs.pypi.org/trusted-publishers),
 * RubyGems (guides.rubygems.org/trusted-publishing), crates.io (crates.io/docs/trusted-publishing),
 * NuGet (learn.microsoft.com/nuget/nuget-org/trusted-publishing), JSR (tokenless `jsr publish` /
 * `deno publish` from a linked repository), pub.dev (dart.dev/tools/pub/automated-publishing). Maven Central, Docker Hub and GitHub Packages have none
 * (GitHub Packages takes the job's GITHUB_TOKEN): not reported.
 *
 * What counts as publishing: `npm publish`, `yarn npm publish`, `yarn publish`, `pnpm publish`,
 * `bun publish`, `lerna publish`, `changeset publish`, `semantic-release`; `twine upload`,
 * `poetry publish`, `uv publish`, `flit publish`, `hatch publish`, `pdm publish`, `maturin publish`
 * (and `PyO3/maturin-action` with `command: upload`); `gem push`,
 * `rake release`; `cargo publish`; `dotnet nuget push`, `nuget push`; `jsr publish`, `deno publish`;
 * `dart pub publish`, `flutter pub publish` (with Google OAuth credentials kept in a secret);
 * and the registries' actions with a token input (`pypa/gh-action-pypi-publish` `password:`,
 * `JS-DevTools/npm-publish` `token:`, `katyo/publish-crates` `registry-token:` …). What counts as a
 * stored token: a `${{ secrets.X }}` (not GITHUB_TOKEN) in the command, in the registry's token
 * variable (`NODE_AUTH_TOKEN`, `TWINE_PASSWORD`, `CARGO_REGISTRY_TOKEN`, `GEM_HOST_API_KEY` …) at the
 * step, job or workflow level, in a variable the command names (`--api-key $KEY`), or written to the
 * registry's credentials file by an earlier step of the job. A job that publishes with
 * `id-token: write` and no token is what this rule asks for.
 *
 * Also reported, at medium confidence, where no secret is in sight but the job cannot be using
 * trusted publishing: a direct publishing command (`npm publish`, `twine upload`, `uv publish`,
 * `cargo publish`, `gem push`, `dotnet nuget push` …) in a workflow job that is not granted
 * `id-token: write` (its own `permissions`, else the workflow's; the repository default never grants
 * it), with no token of any origin handed to it and no OIDC exchange action in the job — it
 * authenticates with a credential kept somewhere else. Reusable workflows without `permissions` (the
 * caller decides) and composite actions are not judged this way. And the registries' own actions set
 * up for a stored credential: `rubygems/release-gem` with `setup-trusted-publisher: false`,
 * `rubygems/configure-rubygems-credentials` with `api-token:`, `actions/setup-node` for
 * registry.npmjs.org with `always-auth: true` in a job without `id-token: write`.
 */
import type { RawFinding, Rule } from '../../rule.js';
import type { YamlDoc, YamlNode } from '../../parse/yaml.js';
import {
  accessOf,
  allSteps,
  effectivePermissions,
  input,
  isActionPath,
  isReusableOnly,
  isWorkflowPath,
  loadUnit,
  type CompositeAction,
  type Job,
  type Step,
  type Workflow,
} from '../scopes/lib/workflow.js';
import { LONG_LIVED } from './lib/controls.js';

type Registry = 'npm' | 'pypi' | 'rubygems' | 'crates' | 'nuget' | 'jsr' | 'pub';

interface RegistryInfo {
  name: string;
  /** Environment variables the tools read the token from. */
  tokenVars: RegExp;
  /** An earlier step writing the token where the tool finds it. */
  configures: RegExp;
  /** Where the package is published to is not this registry (a private index, GitHub Packages). */
  elsewhere: RegExp;
  url: string;
  steps: string;
}

const REGISTRIES: Record<Registry, RegistryInfo> = {
  npm: {
    name: 'npm',
    tokenVars: /^(?:NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN|NPM_PUBLISH_TOKEN|YARN_NPM_AUTH_TOKEN|NPM_CONFIG__AUTHTOKEN|npm_config_\/\/registry\.npmjs\.org\/:_authToken)$/i,
    configures: /_authToken|npm\s+(?:config\s+set|set)\s+\S*_auth|yarn\s+config\s+set\s+npmAuthToken/i,
    elsewhere: /npm\.pkg\.github\.com|pkgs\.dev\.azure\.com|\/\/(?:localhost|127\.0\.0\.1)[:/]|verdaccio|jfrog\.io|artifactory|nexus/i,
    url: 'https://docs.npmjs.com/trusted-publishers',
    steps:
      'On npmjs.com open the package’s Settings → Trusted publishing and add GitHub Actions with this repository and workflow file (and environment, if the job has one); give the publishing job `permissions: id-token: write`; publish with npm CLI 11.5.1 or later (Node 24, or `npm install -g npm@latest`) and without `NODE_AUTH_TOKEN`/`NPM_TOKEN`; then set the package to require trusted publishing, revoke the token on npmjs.com and delete the secret.',
  },
  pypi: {
    name: 'PyPI',
    tokenVars:
      /^(?:TWINE_PASSWORD|TWINE_API_KEY|PYPI_TOKEN|PYPI_API_TOKEN|PYPI_PASSWORD|POETRY_PYPI_TOKEN_\w+|POETRY_HTTP_BASIC_\w+_PASSWORD|UV_PUBLISH_TOKEN|UV_PUBLISH_PASSWORD|FLIT_PASSWORD|HATCH_INDEX_AUTH|PDM_PUBLISH_PASSWORD|MATURIN_PYPI_TOKEN|MATURIN_PASSWORD)$/i,
    configures: /\.pypirc|poetry\s+config\s+(?:pypi-token|http-basic)/i,
    elsewhere: /pkgs\.dev\.azure\.com|jfrog\.io|artifactory|nexus|gemfury|codeartifact|pkg\.dev\b/i,
    url: 'https://docs.pypi.org/trusted-publishers/',
    steps:
      'On pypi.org open the project’s Settings → Publishing and add a trusted publisher for this repository and workflow file (and environment, if the job has one); give the publishing job `permissions: id-token: write`; publish with `pypa/gh-action-pypi-publish` without `password:` (or `uv publish --trusted-publishing always`); then delete the API token on PyPI and the secret.',
  },
  rubygems: {
    name: 'RubyGems',
    tokenVars: /^(?:GEM_HOST_API_KEY|RUBYGEMS_API_KEY|RUBYGEMS_AUTH_TOKEN|RUBYGEMS_TOKEN|GEM_API_KEY)$/i,
    configures: /\.gem\/credentials|rubygems_api_key/i,
    elsewhere: /rubygems\.pkg\.github\.com|gemfury|jfrog\.io|artifactory|nexus/i,
    url: 'https://guides.rubygems.org/trusted-publishing/',
    steps:
      'On rubygems.org open the gem’s Trusted publishers page and add a GitHub Actions publisher for this repository and workflow file; give the publishing job `permissions: id-token: write`; release with `rubygems/release-gem@v1` (or `rubygems/configure-rubygems-credentials` before `gem push`) instead of `GEM_HOST_API_KEY`; then revoke the API key on rubygems.org and delete the secret.',
  },
  crates: {
    name: 'crates.io',
    tokenVars: /^(?:CARGO_REGISTRY_TOKEN|CARGO_REGISTRIES_CRATES_IO_TOKEN|CRATES_IO_TOKEN|CRATES_TOKEN|CARGO_TOKEN)$/i,
    configures: /cargo\s+login/i,
    elsewhere: /--registry(?:=|\s+)(?!crates-io\b)\S+|--index\b/i,
    url: 'https://crates.io/docs/trusted-publishing',
    steps:
      'On crates.io open the crate’s Settings → Trusted Publishing and add this repository and workflow file; give the publishing job `permissions: id-token: write`; get a short-lived token with `rust-lang/crates-io-auth-action@v1` and pass its `token` output as `CARGO_REGISTRY_TOKEN` to `cargo publish`; then revoke the API token on crates.io and delete the secret.',
  },
  nuget: {
    name: 'NuGet',
    tokenVars: /^(?:NUGET_API_KEY|NUGET_AUTH_TOKEN|NUGET_KEY|NUGET_TOKEN|NUGET_ORG_API_KEY)$/i,
    configures: /nuget\s+setapikey/i,
    elsewhere: /nuget\.pkg\.github\.com|pkgs\.dev\.azure\.com|myget\.org|jfrog\.io|artifactory|nexus|feedz\.io|cloudsmith/i,
    url: 'https://learn.microsoft.com/nuget/nuget-org/trusted-publishing',
    steps:
      'On nuget.org open Trusted Publishing and add a policy for this repository owner, repository and workflow file; give the publishing job `permissions: id-token: write`; exchange the OIDC token with `NuGet/login@v1` and push with its `NUGET_API_KEY` output; then delete the API key on nuget.org and the secret.',
  },
  jsr: {
    name: 'JSR',
    tokenVars: /^(?:JSR_TOKEN|JSR_AUTH_TOKEN)$/i,
    configures: /(?!)/,
    elsewhere: /(?!)/,
    url: 'https://jsr.io/docs/publishing-packages#publishing-from-github-actions',
    steps:
      'Link the package to this GitHub repository in its JSR settings; give the publishing job `permissions: id-token: write`; run `npx jsr publish` (or `deno publish`) without `--token`; then revoke the token on jsr.io and delete the secret.',
  },
  pub: {
    name: 'pub.dev',
    // The OAuth credentials file of a Google account (`pub-credentials.json`), kept in a secret.
    tokenVars: /^(?:PUB_CREDENTIALS|PUB_CREDENTIALS_JSON|PUB_DEV_CREDENTIALS|PUB_CREDENTIAL_JSON|CREDENTIAL_JSON|CREDENTIALS_JSON|PUB_ACCESS_TOKEN|PUB_REFRESH_TOKEN)$/i,
    configures: /pub-credentials\.json|dart[\\/]credentials\.json|pub-cache[\\/]credentials\.json|PUB_CACHE\W+credentials\.json/i,
    elsewhere: /pub\s+token\s+add\s+(?!https:\/\/pub\.dev)|onepub|cloudsmith|jfrog\.io|artifactory/i,
    url: 'https://dart.dev/tools/pub/automated-publishing',
    steps:
      'On pub.dev open the package’s Admin tab → Automated publishing and enable publishing from GitHub Actions for this repository (with a tag pattern, and an environment if the job has one); give the publishing job `permissions: id-token: write`; publish with the reusable workflow `dart-lang/setup-dart/.github/workflows/publish.yml@v1` (or `dart pub publish --force` after `dart-lang/setup-dart`); then remove the stored credentials (revoke pub’s access in the Google account’s third-party access page) and delete the secret.',
  },
};

/** Publishing commands, each with its registry (tested against each line of a `run:` script). */
const COMMANDS: ReadonlyArray<[RegExp, Registry]> = [
  [
    /\b(?:npm|pnpm|bun)(?:@[\w.^~-]+)?\s+(?!(?:dlx|exec|x)\s)(?:[\w-]+\s+)*?publish\b|\byarn\s+(?:npm\s+)?publish\b|\blerna\s+publish\b|\bchangeset\s+publish\b|\bsemantic-release\b|\bnp\s+--yolo\b/i,
    'npm',
  ],
  [/\btwine\s+upload\b|\bpoetry\s+publish\b|\buv\s+publish\b|\bflit\s+publish\b|\bhatch\s+publish\b|\bpdm\s+publish\b/i, 'pypi'],
  [/\bgem\s+push\b|\brake\s+release\b/i, 'rubygems'],
  [/\bcargo\s+(?:\+\S+\s+)?publish\b|\bcargo\s+workspaces\s+publish\b|\bcargo\s+release\b/i, 'crates'],
  [/\bdotnet\s+nuget\s+push\b|\bnuget(?:\.exe)?\s+push\b/i, 'nuget'],
  [/\bjsr\s+publish\b|\bdeno\s+publish\b/i, 'jsr'],
  [/\bmaturin\s+(?:publish|upload)\b/i, 'pypi'],
  [/\b(?:dart|flutter)\s+pub\s+publish\b|^\s*pub\s+publish\b/i, 'pub'],
];

/**
 * Commands that publish by themselves with the registry's own client (not release tools such as
 * semantic-release or changesets, which may publish only a GitHub release): without an OIDC token
 * they can only authenticate with a stored credential.
 */
const DIRECT =
  /\b(?:npm|pnpm|bun)(?:@[\w.^~-]+)?\s+(?!(?:dlx|exec|x)\s)(?:[\w-]+\s+)*?publish\b|\byarn\s+(?:npm\s+)?publish\b|\btwine\s+upload\b|\b(?:poetry|uv|flit|hatch|pdm)\s+publish\b|\bmaturin\s+(?:publish|upload)\b|\bgem\s+push\b|\bcargo\s+(?:\+\S+\s+)?publish\b|\bdotnet\s+nuget\s+push\b|\bnuget(?:\.exe)?\s+push\b/i;
/** Flags that hand a command a credential of any origin. */
const CREDENTIAL_FLAG = /(?:^|\s)(?:--token|--api-key|--apikey|-ApiKey|--password|--username|--user|--auth|--otp)(?:=|\s|$)|_authToken|\b(?:twine|poetry)\b.*\s-[pu](?:\s|$)|\bnuget\b.*\s-k(?:\s|$)/i;
/** Steps that exchange the job's OIDC token for a registry token (they need `id-token: write` themselves). */
const OIDC_EXCHANGE = /^(?:rust-lang\/crates-io-auth-action|nuget\/login|rubygems\/configure-rubygems-credentials|rubygems\/release-gem|pypa\/gh-action-pypi-publish)$/i;

/** Publishing actions and the input that carries the token (`undefined`: the token comes from `env`). */
const ACTIONS: ReadonlyArray<{ action: RegExp; registry: Registry; inputs: readonly string[]; when?: RegExp; off?: { input: string; value: RegExp } }> = [
  { action: /^pypa\/gh-action-pypi-publish$/i, registry: 'pypi', inputs: ['password'] },
  { action: /^casperdcl\/deploy-pypi$/i, registry: 'pypi', inputs: ['password'] },
  { action: /^js-devtools\/npm-publish$/i, registry: 'npm', inputs: ['token'] },
  { action: /^changesets\/action$/i, registry: 'npm', inputs: [] },
  { action: /^cycjimmy\/semantic-release-action$/i, registry: 'npm', inputs: [] },
  { action: /^katyo\/publish-crates$/i, registry: 'crates', inputs: ['registry-token'] },
  { action: /^(?:rohanpm|brandedoutcast|alirezanet|rohith)\/publish-nuget$/i, registry: 'nuget', inputs: ['nuget_key', 'NUGET_KEY'] },
  { action: /^dawidd6\/action-publish-gem$/i, registry: 'rubygems', inputs: ['api_key'] },
  { action: /^cadwallion\/publish-rubygems-action$/i, registry: 'rubygems', inputs: [] },
  // RubyGems' own actions: trusted publishing unless turned off, or given an API key instead.
  { action: /^rubygems\/release-gem$/i, registry: 'rubygems', inputs: [], off: { input: 'setup-trusted-publisher', value: /^false$/i } },
  { action: /^rubygems\/configure-rubygems-credentials$/i, registry: 'rubygems', inputs: ['api-token'] },
  // Maturin's action publishes with `command: upload` or `publish` (it also only builds).
  { action: /^pyo3\/maturin-action$/i, registry: 'pypi', inputs: [], when: /^(?:upload|publish)$/i },
  { action: /^k-paxian\/dart-package-publisher$/i, registry: 'pub', inputs: ['credentialJson', 'accessToken', 'refreshToken'] },
  { action: /^sakebook\/actions-flutter-pub-publisher$/i, registry: 'pub', inputs: ['credential'] },
];

/** `${{ secrets.X }}` other than GITHUB_TOKEN; the secret's name, or undefined. */
function storedSecret(v: string | undefined): string | undefined {
  if (!v || !/\$\{\{/.test(v)) return undefined;
  const re = /\bsecrets\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']+)'\s*\])/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) {
    const name = m[1] ?? m[2]!;
    if (name.toUpperCase() !== 'GITHUB_TOKEN') return name;
  }
  return undefined;
}

interface EnvVar {
  name: string;
  secret: string;
  node: YamlNode | undefined;
}

/** `env:` entries whose value is a stored secret. */
function secretEnv(doc: YamlDoc, owner: YamlNode | undefined): EnvVar[] {
  const out: EnvVar[] = [];
  for (const e of doc.entries(doc.get(owner, 'env'))) {
    const secret = storedSecret(doc.str(e.value));
    if (secret) out.push({ name: e.key, secret, node: e.keyNode });
  }
  return out;
}

interface Publish {
  registry: Registry;
  step: Step;
  /** What carries the token, for the message. */
  via: string;
  /** The stored secret, when one is in sight. */
  secret?: string;
  node: YamlNode | undefined;
  confidence?: 'medium';
}

const actionSlug = (uses: string | undefined): string => (uses ?? '').split('@')[0]!.replace(/\/+$/, '');

/** Lines of a run script that publish, with their registry. */
function publishLines(run: string): Array<{ line: string; registry: Registry }> {
  const out: Array<{ line: string; registry: Registry }> = [];
  // Join continuation lines so `--api-key` on the next line belongs to its command.
  for (const raw of run.replace(/\\\r?\n|`\r?\n/g, ' ').split(/\r?\n|&&|;|\|\|/)) {
    const line = raw.replace(/#.*$/, '');
    if (/^\s*(?:echo|printf)\b/.test(line) || /--dry-run\b|\bpack\b\s*$/.test(line)) continue;
    for (const [re, registry] of COMMANDS) if (re.test(line)) out.push({ line, registry });
  }
  return out;
}

/** `$NAME`, `${NAME}`, `$env:NAME`, `%NAME%` in a command. */
function namedVars(line: string): string[] {
  const out: string[] = [];
  const re = /\$\{?(?:env:)?([A-Za-z_]\w*)\}?|%([A-Za-z_]\w*)%/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2]!);
  return out;
}

/** Whether the job runs with `id-token: write`: true / false, or undefined when the caller of a reusable workflow decides. */
function hasIdToken(unit: Workflow | CompositeAction, job: Job | undefined): boolean | undefined {
  if (unit.kind !== 'workflow' || !job) return undefined;
  const decl = effectivePermissions(unit, job);
  if (!decl && isReusableOnly(unit)) return undefined;
  return accessOf(decl, 'id-token') === 'write';
}

/** `env:` names at the step, job and workflow level, whatever their value. */
function envNames(doc: YamlDoc, owners: ReadonlyArray<YamlNode | undefined>): string[] {
  return owners.flatMap((o) => doc.entries(doc.get(o, 'env')).map((e) => e.key));
}

function findPublishes(unit: Workflow | CompositeAction, job: Job | undefined, steps: readonly Step[]): Publish[] {
  const doc = unit.doc;
  const idToken = hasIdToken(unit, job);
  const exchanges = steps.some((s) => s.uses && OIDC_EXCHANGE.test(actionSlug(s.uses)));
  const inherited = [...(unit.kind === 'workflow' ? secretEnv(doc, unit.root) : []), ...(job ? secretEnv(doc, job.node) : [])];
  // Registry hosts set up by earlier steps (`actions/setup-node` `registry-url`, …).
  const setupText: string[] = [];
  const out: Publish[] = [];
  steps.forEach((step, i) => {
    const stepEnv = secretEnv(doc, step.node);
    const env = [...stepEnv, ...inherited];
    const slug = actionSlug(step.uses);
    if (step.uses && step.withNode) {
      for (const e of doc.entries(step.withNode)) if (/registry|source|url|index|server|host/i.test(e.key)) setupText.push(doc.str(e.value) ?? '');
    }
    for (const a of ACTIONS) {
      if (!step.uses || !a.action.test(slug)) continue;
      if (slug.toLowerCase() === 'changesets/action' && !input(doc, step, 'publish')) continue;
      if (a.when && !a.when.test((input(doc, step, 'command')?.value ?? '').trim())) continue;
      const info = REGISTRIES[a.registry];
      const target = doc
        .entries(step.withNode)
        .filter((e) => /registry|url|source|index|server|host/i.test(e.key))
        .map((e) => doc.str(e.value) ?? '')
        .join(' ');
      if (info.elsewhere.test(target) || info.elsewhere.test(setupText.join(' '))) continue;
      // An index URL input naming another host than the registry's (a private index).
      if (/https?:\/\//i.test(target) && !/\$\{\{/.test(target) && !HOSTS[a.registry].test(target)) continue;
      let hit: Publish | undefined;
      for (const name of a.inputs) {
        const inp = input(doc, step, name);
        const secret = storedSecret(inp?.value) ?? (inp?.value ? namedSecret(inp.value, env)?.secret : undefined);
        if (secret) hit = { registry: a.registry, step, via: `the \`${name}\` input of \`${slug}\``, secret, node: inp!.keyNode };
        else if (!hit && idToken !== true && inp?.value?.trim() && !/\b(?:github\.token|secrets\s*\.\s*GITHUB_TOKEN)\b/i.test(inp.value)) {
          // A token of another origin (an input of a composite action, a variable): still a stored credential, since no OIDC token is there to mint one.
          hit = { registry: a.registry, step, via: `the \`${name}\` input of \`${slug}\` (\`${inp.value.trim()}\`)`, node: inp.keyNode, confidence: 'medium' };
        }
      }
      const tokenVar = env.find((v) => info.tokenVars.test(v.name));
      if (!hit && tokenVar) hit = { registry: a.registry, step, via: `\`${tokenVar.name}\` for \`${slug}\``, secret: tokenVar.secret, node: tokenVar.node };
      if (!hit && a.off) {
        const inp = input(doc, step, a.off.input);
        if (inp && a.off.value.test((inp.value ?? '').trim()))
          hit = { registry: a.registry, step, via: `\`${a.off.input}: ${(inp.value ?? '').trim()}\` on \`${slug}\``, node: inp.keyNode, confidence: 'medium' };
      }
      if (hit) out.push(hit);
    }
    // actions/setup-node writing an .npmrc for registry.npmjs.org with `always-auth: true`: token authentication.
    if (step.uses && /^actions\/setup-node$/i.test(slug) && idToken === false) {
      const url = (input(doc, step, 'registry-url')?.value ?? '').trim();
      const always = input(doc, step, 'always-auth');
      if (always && /^true$/i.test((always.value ?? '').trim()) && HOSTS.npm.test(url)) {
        const tokenVar = env.find((v) => REGISTRIES.npm.tokenVars.test(v.name));
        out.push({ registry: 'npm', step, via: '`always-auth: true` on `actions/setup-node`', secret: tokenVar?.secret, node: always.keyNode, ...(tokenVar ? {} : { confidence: 'medium' as const }) });
      }
    }
    if (step.run === undefined) return;
    const lines = publishLines(step.run);
    // A build script that publishes out of sight (`./Build.ps1` running `dotnet nuget push`), handed a token
    // that a registry accepts for uploads only: the stored credential is there all the same.
    if (!lines.length) {
      const script = SCRIPT_CALL.exec(step.run)?.[0]?.trim();
      for (const [registry, names] of PUSH_ONLY_VARS) {
        const tokenVar = script ? stepEnv.find((v) => names.test(v.name)) : undefined;
        if (tokenVar) out.push({ registry, step, via: `\`${tokenVar.name}\` handed to \`${script}\`, which publishes with it`, secret: tokenVar.secret, node: tokenVar.node, confidence: 'medium' });
      }
    }
    for (const { line, registry } of lines) {
      const info = REGISTRIES[registry];
      if (info.elsewhere.test(line) || publishesElsewhere(registry, line, setupText)) continue;
      const inline = storedSecret(line);
      const named = namedSecret(line, env);
      const tokenVar = env.find((v) => info.tokenVars.test(v.name));
      const earlier = steps.slice(0, i).find((s) => s.run !== undefined && info.configures.test(s.run) && (storedSecret(s.run) ?? namedSecret(s.run, [...secretEnv(doc, s.node), ...inherited])));
      let hit: Publish | undefined;
      if (inline) hit = { registry, step, via: `\`secrets.${inline}\` in the command`, secret: inline, node: step.runNode };
      else if (named) hit = { registry, step, via: `\`$${named.name}\` in the command`, secret: named.secret, node: named.node ?? step.runNode };
      else if (tokenVar) hit = { registry, step, via: `\`${tokenVar.name}\``, secret: tokenVar.secret, node: tokenVar.node };
      else if (earlier) hit = { registry, step, via: 'credentials an earlier step writes', secret: storedSecret(earlier.run) ?? 'a secret', node: earlier.runNode };
      else if (idToken === false && !exchanges && DIRECT.test(line) && !CREDENTIAL_FLAG.test(line) && !/\$\{\{/.test(line)) {
        // No secret in sight, and no OIDC token either: the credential is kept somewhere else.
        const names = envNames(doc, [step.node, job?.node, unit.root]);
        const handed = names.some((n) => info.tokenVars.test(n) || /TOKEN|API_?KEY|PASSWORD|SECRET|AUTH/i.test(n));
        const configured = steps.slice(0, i).some((s) => s.run !== undefined && info.configures.test(s.run));
        // A registry chosen by an expression (`registry-url: ${{ inputs.registry }}`) may not be this one.
        const chosen = setupText.some((t) => /\$\{\{/.test(t));
        // Another registry set up by a variable or an earlier step (a local Verdaccio, a private index).
        const redirected =
          names.some((n) => /REGISTRY|REPOSITORY|INDEX_URL|PUBLISH_URL/i.test(n)) ||
          steps.slice(0, i + 1).some((s) => s.run !== undefined && /config\s+set\s+(?:\S*:)?registry|^\s*registry\s*=|localhost|127\.0\.0\.1|verdaccio/im.test(s.run));
        if (!handed && !configured && !chosen && !redirected) hit = { registry, step, via: 'no OIDC token (the job is not granted `id-token: write`)', node: step.runNode, confidence: 'medium' };
      }
      if (hit) out.push(hit);
    }
  });
  return out;
}

/**
 * Token variables that the registry accepts for publishing only (reading its public packages needs none):
 * handed to a script, they are there to publish. npm's and NuGet's feed tokens (`NODE_AUTH_TOKEN`,
 * `NUGET_AUTH_TOKEN`) also install private packages, so they count only beside a publish command.
 */
const PUSH_ONLY_VARS: ReadonlyArray<[Registry, RegExp]> = [
  ['nuget', /^(?:NUGET_API_KEY|NUGET_ORG_API_KEY)$/i],
  ['pypi', /^(?:TWINE_PASSWORD|TWINE_API_KEY|PYPI_TOKEN|PYPI_API_TOKEN|PYPI_PASSWORD|UV_PUBLISH_TOKEN|MATURIN_PYPI_TOKEN|POETRY_PYPI_TOKEN_PYPI)$/i],
  ['crates', /^(?:CARGO_REGISTRY_TOKEN|CARGO_REGISTRIES_CRATES_IO_TOKEN|CRATES_IO_TOKEN)$/i],
  ['rubygems', /^(?:GEM_HOST_API_KEY|RUBYGEMS_API_KEY)$/i],
];
/** A step that runs a script or a build tool's target (`./Build.ps1`, `pwsh build.ps1 -Publish`, `make release`, `./gradlew publish`). */
const SCRIPT_CALL =
  /(?:^|[\s;&|])(?:(?:pwsh|powershell|bash|sh|python3?|node|ruby)\s+(?:-\w+\s+)*)?\.{0,2}\/?[\w./-]*\.(?:ps1|sh|py|rb|js|mjs|cmd|bat)\b|(?:^|[\s;&|])(?:make|just|rake|nuke|dotnet\s+(?:cake|nuke|run)|\.\/gradlew|\.\/build)\b[^\n]*/im;

/** The registry's public host: a command or setup naming another host publishes somewhere else. */
const HOSTS: Record<Registry, RegExp> = {
  npm: /registry\.npmjs\.org/i,
  pypi: /(?:upload\.|test\.)?pypi\.org/i,
  rubygems: /rubygems\.org/i,
  crates: /crates\.io/i,
  nuget: /nuget\.org/i,
  jsr: /jsr\.io/i,
  pub: /pub\.dev/i,
};
/** Flags that name where a command publishes to. */
const TARGET_FLAG: Record<Registry, RegExp | undefined> = {
  npm: /--registry(?:=|\s+)(\S+)/i,
  pypi: /(?:--repository-url|--index-url|--publish-url|-r|--repository)(?:=|\s+)(\S+)/i,
  rubygems: /--host(?:=|\s+)(\S+)/i,
  crates: undefined,
  nuget: /(?:--source|-s|-Source)(?:=|\s+)(\S+)/i,
  jsr: undefined,
  pub: undefined,
};

function publishesElsewhere(registry: Registry, line: string, setupText: readonly string[]): boolean {
  const flag = TARGET_FLAG[registry]?.exec(line)?.[1];
  if (flag !== undefined) {
    // `twine upload -r testpypi` / `poetry publish -r name`: a repository name, not a URL.
    if (registry === 'pypi' && !/[:/]/.test(flag)) return !/^(?:pypi|testpypi)$/i.test(flag.replace(/["']/g, ''));
    if (/\$\{\{|\$/.test(flag)) return false;
    return !HOSTS[registry].test(flag);
  }
  // actions/setup-node `registry-url` (npm reads the .npmrc it writes).
  if (registry === 'npm') {
    const urls = setupText.filter((t) => /^https?:\/\//i.test(t.trim()));
    return urls.length > 0 && !urls.some((u) => HOSTS.npm.test(u));
  }
  return false;
}

/** A variable the text names whose value is a stored secret. */
function namedSecret(text: string, env: readonly EnvVar[]): (EnvVar & { name: string }) | undefined {
  const names = new Set(namedVars(text).map((n) => n.toUpperCase()));
  return env.find((v) => names.has(v.name.toUpperCase()));
}

const rule: Rule = {
  meta: {
    id: 'rotation/workflow-publish-token',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Workflow publishes a package with a stored registry token where the registry offers OIDC trusted publishing',
    controls: [...LONG_LIVED],
    remediation:
      'Switch to trusted publishing: register this repository and workflow as a trusted publisher on the registry, give the publishing job `permissions: id-token: write`, publish without the token, then revoke the token and delete the secret.',
  },
  keywords: ['publish', 'upload', 'push', 'release'],
  scope: 'file',
  appliesTo: (p) => isWorkflowPath(p) || isActionPath(p),
  check(file) {
    const unit = loadUnit(file);
    if (!unit) return [];
    const groups = new Map<Job | undefined, Step[]>();
    for (const { step, job } of allSteps(unit)) {
      let list = groups.get(job);
      if (!list) groups.set(job, (list = []));
      list.push(step);
    }
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const [job, steps] of groups) {
      for (const p of findPublishes(unit, job, steps)) {
        const where = job ? `job \`${job.id}\`` : 'this action';
        const key = `${job?.id ?? 'action'}:${p.registry}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const info = REGISTRIES[p.registry];
        const pos = unit.doc.pos(p.node ?? p.step.node) ?? { line: 1, column: 1 };
        out.push({
          line: pos.line,
          column: pos.column,
          message: p.secret
            ? `${where[0]!.toUpperCase()}${where.slice(1)} publishes to ${info.name} with a stored token (${p.via}, from secret \`${p.secret}\`): a long-lived credential someone must rotate by hand, while ${info.name} trusted publishing issues a short-lived token per run.`
            : `${where[0]!.toUpperCase()}${where.slice(1)} publishes to ${info.name} without trusted publishing (${p.via}), so it authenticates with a stored token kept elsewhere: a long-lived credential someone must rotate by hand, while ${info.name} trusted publishing issues a short-lived token per run.`,
          ...(p.confidence ? { confidence: p.confidence } : {}),
          construct: `publish-token:${key}`,
          remediation: `${info.steps} (${info.url})`,
        });
      }
    }
    return out;
  },
};

export default rule;
