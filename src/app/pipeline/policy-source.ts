/**
 * Where the policy comes from: the org's `.github` repository, then the repository's own file, both
 * merged by `resolvePolicy` so org locks hold. Probot's `context.config()` is not used: it drops the org
 * file as soon as the repository has one, which would let any repository switch the org policy off.
 */
import { resolvePolicy, type PolicyError, type PolicyLayer, type PolicyResult } from '../../engine/policy/load.js';
import { scrub } from '../scrub.js';
import { readTextFile, type RepoRef } from '../github/api.js';
import type { GitHubClient } from '../github/octokit.js';

export const POLICY_PATH = '.github/tokenwarden.yml';
export const ORG_POLICY_REPO = '.github';

export const orgLayerSource = (owner: string): string => `${owner}/${ORG_POLICY_REPO}:${POLICY_PATH}`;

export interface PolicySources {
  org?: PolicyLayer;
  repo?: PolicyLayer;
}

/** The layers in precedence order, lowest first. In the org's `.github` repository both are one file. */
export const layersOf = (s: PolicySources): PolicyLayer[] => [s.org, s.repo].filter((l): l is PolicyLayer => !!l);

/**
 * Read both layers. The repository's file is read at `ref` (the base branch of a pull request, never its
 * head); the org file at the org repository's default branch.
 */
export async function readPolicySources(gh: GitHubClient, r: RepoRef, ref: string): Promise<PolicySources> {
  const isOrgRepo = r.repo === ORG_POLICY_REPO;
  const [orgText, repoText] = await Promise.all([
    isOrgRepo ? Promise.resolve(undefined) : readTextFile(gh, { owner: r.owner, repo: ORG_POLICY_REPO }, POLICY_PATH),
    readTextFile(gh, r, POLICY_PATH, ref),
  ]);
  const out: PolicySources = {};
  if (orgText !== undefined) out.org = { source: orgLayerSource(r.owner), text: orgText };
  if (repoText !== undefined) {
    // In the org's own `.github` repository the file *is* the org policy.
    if (isOrgRepo) out.org = { source: orgLayerSource(r.owner), text: repoText };
    else out.repo = { source: POLICY_PATH, text: repoText };
  }
  return out;
}

/** Resolve, with messages scrubbed: an error quotes the offending value, and that may be a pasted token. */
export function resolveSources(s: PolicySources, today: Date, knownRules: readonly string[]): PolicyResult {
  const r = resolvePolicy(layersOf(s), { today, knownRules });
  const clean = (e: PolicyError): PolicyError => ({ ...e, message: scrub(e.message), fix: scrub(e.fix) });
  return r.ok ? { ...r, warnings: r.warnings.map(clean) } : { ok: false, errors: r.errors.map(clean) };
}

/** The sources with the repository layer replaced by a proposed version (undefined: file deleted). */
export function withProposed(s: PolicySources, r: RepoRef, text: string | undefined): PolicySources {
  if (r.repo === ORG_POLICY_REPO) return text === undefined ? {} : { org: { source: orgLayerSource(r.owner), text } };
  const out: PolicySources = {};
  if (s.org) out.org = s.org;
  if (text !== undefined) out.repo = { source: POLICY_PATH, text };
  return out;
}

/** Policy errors that point into this repository's policy file, so they can be annotated on its lines. */
export const isRepoPolicySource = (source: string, r: RepoRef): boolean => source === POLICY_PATH || (r.repo === ORG_POLICY_REPO && source === orgLayerSource(r.owner));
