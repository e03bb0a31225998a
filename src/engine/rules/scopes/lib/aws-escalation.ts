/**
 * Privilege escalation in one AWS identity policy, the way cloudsplaining judges it: the actions allowed
 * without a resource constraint (resource-scopable actions on `*`, and actions AWS cannot scope at all,
 * in statements without a condition, minus unconditioned denies) are matched against the escalation
 * methods, the actions that return credentials and the permission-management actions.
 *
 * Shared by `scopes/aws-iam-privilege-escalation` (which reports them) and `scopes/aws-iam-wildcard`
 * (which leaves the actions claimed here alone, so one construct is reported once).
 */
import type { Severity } from '../../../finding.js';
import { actionMatches, CREDENTIALS_EXPOSURE, CREDENTIALS_EXPOSURE_EXEMPT, CRITICAL_ESCALATIONS, isRestrictable, PERMISSIONS_MANAGEMENT, PRIVILEGE_ESCALATION, serviceOf } from './aws-actions.js';
import { allResources, hasCondition, type IamPolicy, type IamStatement, type PStr } from './iam-policy.js';
import { anyGlob } from './rule-options.js';

export type EscalationKind = 'escalation' | 'passrole' | 'credentials' | 'permissions';

export interface EscalationHit {
  kind: EscalationKind;
  /** The escalation method (`CreateNewPolicyVersion`), or the action for the other kinds. */
  name: string;
  /** The action names the hit needs (`iam:PassRole`, `lambda:CreateFunction`, …). */
  needs: readonly string[];
  /** Where each needed action is granted (first match). */
  grants: PStr[];
  statement: IamStatement;
  severity: Severity;
}

export interface EscalationOptions {
  /** Action globs not to count (`allowActions`). */
  allow: readonly string[];
  /** Credential-returning actions not to count (default: `ecr:GetAuthorizationToken`). */
  credentialExempt: readonly string[];
  /** Services whose whole-service wildcard counts as permission management (`iam:*`). */
  sensitiveServices: readonly string[];
}

export const DEFAULT_ESCALATION_OPTIONS: EscalationOptions = {
  allow: [],
  credentialExempt: CREDENTIALS_EXPOSURE_EXEMPT,
  sensitiveServices: ['iam', 'organizations', 'sso'],
};

const fullServiceWildcard = (a: string): boolean => /^[a-z0-9-]+(?::\*+|\*)$/i.test(a);

interface Grant {
  a: PStr;
  s: IamStatement;
}

export function analyseEscalation(policy: IamPolicy, opts: EscalationOptions = DEFAULT_ESCALATION_OPTIONS): EscalationHit[] {
  // Unconstrained grants, and what unconditioned denies take away.
  const grants: Grant[] = [];
  const denies: string[] = [];
  for (const s of policy.statements) {
    if (!s.action || s.notAction) continue;
    const literal = s.action.filter((a) => !a.dynamic && a.v !== '*' && a.v !== '*:*' && a.v.includes(':'));
    if (s.effect === 'Deny') {
      if (!hasCondition(s) && allResources(s)) denies.push(...literal.map((a) => a.v));
      continue;
    }
    if (hasCondition(s)) continue;
    const everywhere = allResources(s);
    for (const a of literal) {
      if (anyGlob(opts.allow, a.v)) continue;
      if (everywhere || !isRestrictable(a.v)) grants.push({ a, s });
    }
  }
  if (!grants.length) return [];
  const denied = (action: string): boolean => denies.some((d) => actionMatches(d, action));
  const grantOf = (action: string, permissionsOnly = false): Grant | undefined => {
    if (denied(action)) return undefined;
    return grants.find((g) => {
      if (!actionMatches(g.a.v, action)) return false;
      // `s3:*` on "*" is reported by scopes/aws-iam-wildcard; only sensitive services count here as permission management.
      if (permissionsOnly && fullServiceWildcard(g.a.v) && !opts.sensitiveServices.includes(serviceOf(g.a.v))) return false;
      return true;
    });
  };

  const hits: EscalationHit[] = [];
  const covered = new Set<string>();
  for (const [name, needs] of Object.entries(PRIVILEGE_ESCALATION)) {
    const found = needs.map((n) => grantOf(n));
    if (found.some((g) => !g)) continue;
    const gs = found as Grant[];
    hits.push({ kind: 'escalation', name, needs, grants: gs.map((g) => g.a), statement: gs[0]!.s, severity: CRITICAL_ESCALATIONS.has(name) ? 'critical' : 'high' });
    for (const n of needs) covered.add(n.toLowerCase());
  }
  const pass = grantOf('iam:PassRole');
  if (pass && allResources(pass.s) && !covered.has('iam:passrole')) {
    hits.push({ kind: 'passrole', name: 'iam:PassRole', needs: ['iam:PassRole'], grants: [pass.a], statement: pass.s, severity: 'high' });
    covered.add('iam:passrole');
  }
  for (const action of CREDENTIALS_EXPOSURE) {
    if (covered.has(action.toLowerCase()) || opts.credentialExempt.some((e) => actionMatches(e, action))) continue;
    const g = grantOf(action);
    if (!g) continue;
    const severity: Severity = /^(?:iam|sts|sso):/i.test(action) ? 'high' : 'medium';
    hits.push({ kind: 'credentials', name: action, needs: [action], grants: [g.a], statement: g.s, severity });
    covered.add(action.toLowerCase());
  }
  for (const action of PERMISSIONS_MANAGEMENT) {
    if (covered.has(action.toLowerCase())) continue;
    const g = grantOf(action, true);
    if (!g) continue;
    // An action that takes no resource (`logs:PutResourcePolicy`, which lets AWS services deliver logs and
    // which log delivery needs on "*") cannot be scoped: named, at low, outside IAM and Organizations.
    const severity: Severity = /^(?:iam|organizations|sso):/i.test(action) ? 'high' : isRestrictable(action) ? 'medium' : 'low';
    hits.push({ kind: 'permissions', name: action, needs: [action], grants: [g.a], statement: g.s, severity });
    covered.add(action.toLowerCase());
  }
  return hits;
}

const claimsCache = new WeakMap<IamPolicy, Set<string>>();

/**
 * The granted action values (lower case) that `scopes/aws-iam-privilege-escalation` reports with its
 * default options — except whole-service wildcards, which `scopes/aws-iam-wildcard` keeps.
 */
export function escalationClaims(policy: IamPolicy): Set<string> {
  let claims = claimsCache.get(policy);
  if (!claims) {
    claims = new Set();
    for (const h of analyseEscalation(policy)) for (const g of h.grants) if (!fullServiceWildcard(g.v)) claims.add(g.v.toLowerCase());
    claimsCache.set(policy, claims);
  }
  return claims;
}
