/**
 * Cognito identity pools that allow unauthenticated (guest) identities: anyone on the internet who knows
 * the pool id — it ships in every web or mobile client — gets temporary AWS credentials for the pool's
 * unauthenticated role, without signing in. Written as:
 *
 * - Terraform `aws_cognito_identity_pool` `allow_unauthenticated_identities = true`;
 * - CloudFormation `AWS::Cognito::IdentityPool` `AllowUnauthenticatedIdentities: true` (YAML or JSON).
 *
 * Medium: what a guest can do is what the unauthenticated role allows (judged by the IAM rules where that
 * role's policies are written). `false`, the default, and a value the template computes (`!Ref
 * AllowGuests`, `var.allow_guests`) pass.
 *
 * ```yaml
 * rules:
 *   scopes/cognito-unauthenticated-identities:
 *     options:
 *       allowPools: []   # globs of pools that serve guests on purpose, e.g. ["aws_cognito_identity_pool.analytics"]
 * ```
 */
import type { Rule } from '../../rule.js';
import { stringList } from '../../option-schema.js';
import { attr, parseHcl } from '../../parse/hcl.js';
import { LEAST_PRIVILEGE } from './lib/controls.js';
import { cfnResources } from './lib/iam-policy.js';
import { optList } from './lib/rule-options.js';
import { ownedSettingFindings, type OwnedSetting } from './lib/owned-settings.js';

type Hit = OwnedSetting;

function fromTerraform(text: string, out: Hit[]): void {
  const file = parseHcl(text);
  for (const b of file?.root.blocks ?? []) {
    const [type, name] = b.labels;
    if (b.type !== 'resource' || type !== 'aws_cognito_identity_pool') continue;
    const v = attr(b, 'allow_unauthenticated_identities')?.value;
    if (v?.kind === 'bool' && v.value) out.push({ line: v.pos.line, column: v.pos.column, owner: `${type}.${name ?? ''}` });
  }
}

function fromCloudFormation(text: string, path: string, out: Hit[]): void {
  for (const r of cfnResources(text, path)) {
    if (r.type !== 'AWS::Cognito::IdentityPool') continue;
    const v = r.doc.get(r.properties, 'AllowUnauthenticatedIdentities');
    const p = r.doc.pos(v);
    if (p && r.doc.str(v) === 'true') out.push({ line: p.line, column: p.column, owner: r.id });
  }
}

const rule: Rule = {
  meta: {
    id: 'scopes/cognito-unauthenticated-identities',
    family: 'scopes',
    severity: 'medium',
    confidence: 'high',
    description: 'Cognito identity pool allows unauthenticated identities: anyone with the pool id gets AWS credentials for its unauthenticated role',
    controls: [...LEAST_PRIVILEGE, 'NIST-800-53-AC-14'],
    remediation:
      'Set `allow_unauthenticated_identities = false` (`AllowUnauthenticatedIdentities: false`) and sign users in; if guests are needed (analytics, maps), keep the unauthenticated role to the few actions and resources they call, and allow-list the pool with `allowPools`.',
    options: {
      allowPools: stringList('Globs of identity pools that serve guests on purpose (Terraform address or CloudFormation logical id), e.g. `["aws_cognito_identity_pool.analytics"]`.'),
    },
  },
  keywords: ['allow_unauthenticated_identities', 'allowunauthenticatedidentities'],
  scope: 'file',
  globOptions: ['allowPools'],
  appliesTo: (path) => /\.(?:tf|ya?ml|json|template)$/i.test(path),
  check(file, ctx) {
    const allow = optList(ctx.options, 'allowPools', []);
    const hits: Hit[] = [];
    if (/\.tf$/i.test(file.path)) fromTerraform(file.text, hits);
    else fromCloudFormation(file.text, file.path, hits);
    return ownedSettingFindings(
      hits,
      allow,
      'cognito-unauth',
      (owner) => `\`${owner}\` allows unauthenticated identities: anyone who has the pool id (it ships in the client) gets AWS credentials for the pool's unauthenticated role without signing in.`,
    );
  },
};

export default rule;
