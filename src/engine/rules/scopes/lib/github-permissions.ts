/**
 * What GitHub grants: the GITHUB_TOKEN permission keys and the values each accepts, and how much a
 * `write` grant of each is worth to an attacker. Source: GitHub docs, "Controlling permissions for
 * GITHUB_TOKEN" / workflow syntax `permissions` (checked 2026), and the GitHub workflow JSON schema.
 */
import type { Severity } from '../../../finding.js';

export type Access = 'read' | 'write' | 'none';

export interface TokenScope {
  /** Values GitHub accepts for the key. */
  values: readonly Access[];
  /** Severity of a `write` grant that is broader than needed. */
  writeSeverity: Severity;
  /** What `write` lets a compromised step do, for messages. */
  writeRisk: string;
  /** Deprecated / retired keys GitHub still parses. */
  retired?: string;
}

const RW: readonly Access[] = ['read', 'write', 'none'];

export const TOKEN_SCOPES: Readonly<Record<string, TokenScope>> = {
  actions: { values: RW, writeSeverity: 'high', writeRisk: 'cancel, re-run and dispatch workflows and delete caches and artifacts' },
  'artifact-metadata': { values: RW, writeSeverity: 'medium', writeRisk: 'write artifact metadata records' },
  attestations: { values: RW, writeSeverity: 'high', writeRisk: 'publish build provenance attestations in the repository’s name' },
  checks: { values: RW, writeSeverity: 'medium', writeRisk: 'create and complete check runs (fake a passing check)' },
  'code-quality': { values: RW, writeSeverity: 'medium', writeRisk: 'write code quality results' },
  contents: { values: RW, writeSeverity: 'high', writeRisk: 'push commits and tags, create releases and change repository content' },
  // Copilot CLI / agentic workflows billed to the organization (docs: "Using Copilot CLI in GitHub Actions with GITHUB_TOKEN").
  'copilot-requests': { values: ['write', 'none'], writeSeverity: 'low', writeRisk: 'make Copilot requests billed to the organization' },
  deployments: { values: RW, writeSeverity: 'high', writeRisk: 'create deployments and deployment statuses' },
  discussions: { values: RW, writeSeverity: 'medium', writeRisk: 'create, edit and delete discussions' },
  'id-token': { values: ['write', 'none'], writeSeverity: 'high', writeRisk: 'mint OIDC tokens and assume every cloud role that trusts this repository' },
  issues: { values: RW, writeSeverity: 'medium', writeRisk: 'create, edit and close issues and comment as github-actions' },
  models: { values: ['read', 'none'], writeSeverity: 'low', writeRisk: 'call GitHub Models' },
  packages: { values: RW, writeSeverity: 'high', writeRisk: 'publish and delete packages and container images' },
  pages: { values: RW, writeSeverity: 'medium', writeRisk: 'request GitHub Pages builds and deploy the site' },
  'pull-requests': { values: RW, writeSeverity: 'high', writeRisk: 'open, edit, approve-by-comment and label pull requests' },
  'repository-projects': { values: RW, writeSeverity: 'medium', writeRisk: 'change classic projects', retired: 'classic Projects are retired on GitHub.com' },
  'security-events': { values: RW, writeSeverity: 'high', writeRisk: 'upload and dismiss code scanning alerts' },
  statuses: { values: RW, writeSeverity: 'low', writeRisk: 'set commit statuses (fake a passing status)' },
};

export const TOKEN_SCOPE_NAMES: readonly string[] = Object.keys(TOKEN_SCOPES);

/**
 * Scopes whose `write` matters even where a workflow-level grant reaches a single job or no job at all
 * (a later job inherits it): repository content, packages, workflows, deployments, code scanning,
 * checks and statuses — the set OpenSSF Scorecard's Token-Permissions check scores.
 */
export const SUPPLY_CHAIN_SCOPES: ReadonlySet<string> = new Set(['contents', 'packages', 'actions', 'deployments', 'security-events', 'checks', 'statuses']);

/**
 * Events whose runs get secrets and a read/write token while being triggered (or fed code) by people
 * without write access: a broad token there is worth more.
 */
export const PRIVILEGED_TRIGGERS: ReadonlySet<string> = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);

const ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export function raiseSeverity(s: Severity, by = 1): Severity {
  return ORDER[Math.max(0, Math.min(ORDER.length - 1, ORDER.indexOf(s) + by))]!;
}

export function lowerSeverity(s: Severity, by = 1): Severity {
  return raiseSeverity(s, -by);
}

/** Severity of an unneeded `write` grant of `scope` (unknown scopes: medium). */
export function writeSeverity(scope: string): Severity {
  return TOKEN_SCOPES[scope]?.writeSeverity ?? 'medium';
}
