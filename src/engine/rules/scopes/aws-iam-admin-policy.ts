/**
 * AWS managed policies that amount to administrator access, attached in code:
 * `arn:aws:iam::aws:policy/AdministratorAccess` (critical), `IAMFullAccess` (critical: it can attach
 * anything to anyone) and `PowerUserAccess` (high: everything but IAM and Organizations).
 *
 * Terraform: any attribute holding the ARN (`policy_arn` of `aws_iam_*_policy_attachment`,
 * `managed_policy_arn` of `aws_ssoadmin_managed_policy_attachment`, `managed_policy_arns` of
 * `aws_iam_role`, module inputs, locals — partition interpolations such as `arn:${…}:iam::aws:policy/…`
 * included) and `data "aws_iam_policy"` lookups of those policies (medium: a lookup is usually there to
 * be attached). CloudFormation (`ManagedPolicyArns`, `!Sub 'arn:${AWS::Partition}:iam::aws:policy/…'`)
 * and any other YAML/JSON config naming the ARN, and SAM `Policies` naming the policy (`- AdministratorAccess`); in code (CDK, Pulumi), CDK's `fromAwsManagedPolicyName`
 * with one of the names, or the ARN on a line that attaches a managed policy (`managedPolicyArns`,
 * `policy_arn`, …) — not every mention in a comment or a test.
 *
 * ```yaml
 * rules:
 *   scopes/aws-iam-admin-policy:
 *     options:
 *       policies: [AdministratorAccess, IAMFullAccess, PowerUserAccess]   # managed policy names to report
 *       allow: []          # globs of holders allowed to keep them (Terraform addresses, CloudFormation ids), e.g. [aws_iam_role_policy_attachment.break_glass]
 * ```
 */
import type { Severity } from '../../finding.js';
import type { RawFinding, Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { parseHcl, type HclBlock, type HclValue } from '../../parse/hcl.js';
import { AWS_ADMIN } from './lib/cloud-controls.js';
import { cfnResources } from './lib/iam-policy.js';
import { anyGlob, optList } from './lib/rule-options.js';

export const DEFAULT_ADMIN_POLICIES: readonly string[] = ['AdministratorAccess', 'IAMFullAccess', 'PowerUserAccess'];

const SEVERITY: Record<string, Severity> = { administratoraccess: 'critical', iamfullaccess: 'critical', poweruseraccess: 'high' };

const WHY: Record<string, string> = {
  administratoraccess: 'every action on every resource',
  iamfullaccess: 'every IAM action, so it can attach `AdministratorAccess` to itself',
  poweruseraccess: 'every action except IAM and Organizations administration',
};

const INSTEAD =
  'Attach a customer-managed policy listing the actions and ARNs the role uses (IAM Access Analyzer can generate it from CloudTrail), or a narrower AWS job-function policy (`ReadOnlyAccess`, `job-function/ViewOnlyAccess`); keep administrator access to a break-glass role with MFA and allow that one in the policy.';

function arnRegex(names: readonly string[]): RegExp {
  const alt = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`arn:(?:\\$\\{[^}]*\\}|[^:"'\\s]*):iam::aws:policy/(?:[\\w+=,.@-]+/)*(${alt})(?![\\w+=,.@-])`, 'gi');
}

const rule: Rule = {
  meta: {
    id: 'scopes/aws-iam-admin-policy',
    family: 'scopes',
    severity: 'critical',
    confidence: 'high',
    description: 'AWS managed administrator policy (AdministratorAccess, IAMFullAccess, PowerUserAccess) attached to a role, user, group or permission set',
    controls: [...AWS_ADMIN],
    remediation: INSTEAD,
    options: {
      policies: stringList('AWS managed policy names reported when attached.', DEFAULT_ADMIN_POLICIES),
      allow: stringList('Globs of holders allowed to keep them (Terraform addresses, CloudFormation ids), e.g. `[aws_iam_role_policy_attachment.break_glass]`.'),
    },
  },
  keywords: ['administratoraccess', 'iamfullaccess', 'poweruseraccess'],
  scope: 'file',
  globOptions: ['allow'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json|template|ts|js|py|java|cs|go)$/i.test(path),
  check(file, ctx) {
    const names = optList(ctx.options, 'policies', DEFAULT_ADMIN_POLICIES);
    const allow = optList(ctx.options, 'allow', []);
    if (!names.length) return [];
    const re = arnRegex(names);
    const lower = new Set(names.map((n) => n.toLowerCase()));
    const out: RawFinding[] = [];
    const report = (line: number, column: number, name: string, holder: string | undefined, lookup = false): void => {
      if (holder && anyGlob(allow, holder)) return;
      const key = name.toLowerCase();
      const severity: Severity = lookup ? 'medium' : (SEVERITY[key] ?? 'high');
      out.push({
        line,
        column,
        message: lookup
          ? `\`${holder}\` looks up the AWS managed policy \`${name}\` (${WHY[key] ?? 'administrator-level access'}) to attach it.`
          : `${holder ? `\`${holder}\` attaches` : 'The AWS managed policy'} \`${name}\`${holder ? '' : ' is attached'}: ${WHY[key] ?? 'administrator-level access'}.`,
        construct: `aws-admin-policy:${holder ?? ''}:${key}`,
        severity,
        confidence: holder || /fromAwsManagedPolicyName|ManagedPolicyArns|policy_arn/i.test(file.text) ? 'high' : 'medium',
        remediation: INSTEAD,
      });
    };

    if (/\.tf$/i.test(file.path)) {
      const hcl = parseHcl(file.text);
      if (!hcl) return [];
      for (const b of hcl.root.blocks) {
        const holder =
          b.labels.length >= 2 ? `${b.type === 'data' ? 'data.' : b.type === 'module' ? 'module.' : ''}${b.labels.join('.')}` : b.labels.length === 1 ? `${b.type}.${b.labels[0]}` : b.type;
        if (b.type === 'data' && b.labels[0] === 'aws_iam_policy') {
          for (const a of b.attributes) {
            if (a.name === 'name' && a.value.kind === 'string' && lower.has(a.value.value.toLowerCase())) report(a.value.pos.line, a.value.pos.column, a.value.value, holder, true);
            else for (const hit of arnsIn(a.value, re)) report(hit.line, hit.column, hit.name, holder, true);
          }
          continue;
        }
        walkBlock(b, (v) => {
          for (const hit of arnsIn(v, re)) report(hit.line, hit.column, hit.name, holder);
        });
      }
      return out;
    }

    // Everything else: the ARN (or CDK's managed-policy name) in the text, one finding per line.
    const document = /\.(?:ya?ml|json|template)$/i.test(file.path);
    const cfnHolders = document && /AWS::(?:IAM|SSO)::/.test(file.text) ? cfnHolderLines(file.text) : [];
    const alt = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const cdk = new RegExp(`(?:fromAwsManagedPolicyName|from_aws_managed_policy_name|FromAwsManagedPolicyName)\\(\\s*['"\`](${alt})['"\`]`, 'g');
    let line = 1;
    let lineStart = 0;
    let lastLine = -1;
    const seen = (offset: number): { line: number; column: number } => {
      while (true) {
        const nl = file.text.indexOf('\n', lineStart);
        if (nl === -1 || nl >= offset) break;
        line++;
        lineStart = nl + 1;
      }
      return { line, column: offset - lineStart + 1 };
    };
    const lineOf = (offset: number): string => {
      const start = file.text.lastIndexOf('\n', offset) + 1;
      const end = file.text.indexOf('\n', offset);
      return file.text.slice(start, end === -1 ? undefined : end);
    };
    const hits: Array<{ index: number; name: string }> = [];
    // A catalogue of managed policies (SAM's `aws_managed_policies.json`, name → ARN for every policy AWS
    // publishes) names them all and attaches none: an entry keyed by the policy's own name, or a document
    // naming more managed policies than any role could hold (IAM allows 20 per role).
    const catalogue = document && (file.text.match(/:iam::aws:policy\//g) ?? []).length > 60;
    for (const m of file.text.matchAll(re)) {
      const text = lineOf(m.index);
      if (document && (catalogue || new RegExp(`^\\s*["']?${m[1]!}["']?\\s*:\\s*["']?arn:`, 'i').test(text))) continue;
      if (document || /managed_?polic|policy_?arn|ManagedPolicies|fromManagedPolicyArn/i.test(text)) hits.push({ index: m.index, name: m[1]! });
    }
    if (!document) for (const m of file.text.matchAll(cdk)) hits.push({ index: m.index, name: m[1]! });
    hits.sort((a, b) => a.index - b.index);
    // SAM: `Policies: [AdministratorAccess]` names the managed policy without its ARN.
    if (document && /AWS::Serverless::/.test(file.text)) {
      for (const r of cfnResources(file.text, file.path)) {
        if (!r.type.startsWith('AWS::Serverless::')) continue;
        const policies = r.doc.get(r.properties, 'Policies');
        for (const item of r.doc.isSeq(policies) ? r.doc.items(policies) : [policies]) {
          const name = r.doc.str(item);
          const at = r.doc.pos(item);
          if (name && at && lower.has(name.toLowerCase())) report(at.line, at.column, canonical(name, names), r.id);
        }
      }
    }
    for (const h of hits) {
      const p = seen(h.index);
      if (p.line === lastLine) continue;
      lastLine = p.line;
      let holder: string | undefined;
      for (const c of cfnHolders) if (c.line <= p.line) holder = c.id;
      report(p.line, p.column, canonical(h.name, names), holder);
    }
    return out;
  },
};

const canonical = (name: string, names: readonly string[]): string => names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;

/** CloudFormation logical ids and the lines their definitions start on (cheap: indentation-based). */
function cfnHolderLines(text: string): Array<{ id: string; line: number }> {
  const out: Array<{ id: string; line: number }> = [];
  const lines = text.split('\n');
  let inResources = false;
  let indent = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^\s*"?Resources"?\s*:/.test(l)) {
      inResources = true;
      indent = -1;
      continue;
    }
    if (!inResources) continue;
    const m = /^(\s*)"?([A-Za-z0-9]+)"?\s*:\s*\{?\s*$/.exec(l);
    if (!m) continue;
    const ind = m[1]!.length;
    if (indent === -1) indent = ind;
    if (ind === indent) out.push({ id: m[2]!, line: i + 1 });
  }
  return out;
}

function walkBlock(b: HclBlock, visit: (v: HclValue) => void): void {
  for (const a of b.attributes) visit(a.value);
  for (const c of b.blocks) walkBlock(c, visit);
}

function arnsIn(v: HclValue, re: RegExp): Array<{ line: number; column: number; name: string }> {
  switch (v.kind) {
    case 'string':
    case 'template': {
      const out: Array<{ line: number; column: number; name: string }> = [];
      for (const m of v.value.matchAll(re)) out.push({ line: v.pos.line, column: v.pos.column, name: m[1]! });
      return out.slice(0, 1);
    }
    case 'tuple':
      return v.items.flatMap((i) => arnsIn(i, re));
    case 'object':
      return v.entries.flatMap((e) => arnsIn(e.value, re));
    case 'call':
      return v.args.flatMap((a) => arnsIn(a, re));
    case 'expr':
      return [...v.text.matchAll(re)].slice(0, 1).map((m) => ({ line: v.pos.line, column: v.pos.column, name: m[1]! }));
    default:
      return [];
  }
}

export default rule;
