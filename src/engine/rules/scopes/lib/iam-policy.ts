/**
 * AWS IAM policy statements with positions, from wherever they are written:
 *
 * - Terraform: `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy`,
 *   `aws_ssoadmin_permission_set_inline_policy` (`policy` / `inline_policy` as `jsonencode(...)`, heredoc
 *   or quoted JSON), `aws_iam_role` (`assume_role_policy`, `inline_policy` blocks) and
 *   `data "aws_iam_policy_document"` statement blocks (dynamic `statement` blocks included);
 * - CloudFormation (YAML with its short-form tags, or JSON): `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`,
 *   `AWS::IAM::Role` (`Policies`, `AssumeRolePolicyDocument`), `AWS::IAM::User`, `AWS::IAM::Group`,
 *   `AWS::SSO::PermissionSet` (`InlinePolicy`), SAM `AWS::Serverless::Function` / `StateMachine` (`Policies`
 *   documents); both branches of `!If`;
 * - Serverless Framework (`provider.iamRoleStatements`, `provider.iam.role.statements`, per-function
 *   `iamRoleStatements`; `${self:custom.…}` variables resolved) and its `resources.Resources`;
 * - standalone JSON policy documents (`{"Version": …, "Statement": …}`).
 *
 * Every rule that reads IAM calls `iamPolicies(path, text)`: the file is parsed once (one-entry cache).
 */
import { attr, findBlocks, parseHcl, type HclBlock, type HclValue } from '../../../parse/hcl.js';
import { parseYaml, type YamlDoc, type YamlNode } from '../../../parse/yaml.js';
import { branches, fromHcl, fromYaml, get, list, parseJsonText, strings, entry, type PNode } from './policy-tree.js';
import { LimitExceeded } from '../../../limits.js';

export type PolicyFormat = 'terraform' | 'cloudformation' | 'json';
/** Identity policies grant a principal rights; trust policies say who may assume a role. */
export type PolicyPurpose = 'identity' | 'trust' | 'resource';
export type Holder = 'user' | 'role' | 'group' | 'permission-set' | 'managed' | 'unknown';

export interface PStr {
  v: string;
  line: number;
  column: number;
  /** Not a literal (a reference or interpolation): its value is unknown. */
  dynamic: boolean;
}

export interface IamCondition {
  operator: string;
  key: string;
  values: PStr[];
  line: number;
}

export interface IamPrincipal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for `Principal: "*"`. */
  type: string;
  values: PStr[];
}

export interface IamStatement {
  policy: IamPolicy;
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  action?: PStr[];
  notAction?: PStr[];
  resource?: PStr[];
  notResource?: PStr[];
  principals: IamPrincipal[];
  notPrincipal: boolean;
  conditions: IamCondition[];
  line: number;
  column: number;
  /** Where the actions are written (the `Action` key or `actions` attribute), for reporting. */
  actionLine: number;
}

export interface IamPolicy {
  format: PolicyFormat;
  /** `aws_iam_policy.admin`, `data.aws_iam_policy_document.ci`, `AdminRole` (CloudFormation logical id), or the file. */
  owner: string;
  /** `aws_iam_policy`, `aws_iam_policy_document`, `AWS::IAM::Role`, `json`. */
  ownerType: string;
  purpose: PolicyPurpose;
  holder: Holder;
  line: number;
  statements: IamStatement[];
}

// ---------------------------------------------------------------------------------------------------

let cache: { path: string; text: string; policies: IamPolicy[] } | undefined;

/** All IAM policies of a file (Terraform, CloudFormation or JSON policy), parsed once per file. */
export function iamPolicies(path: string, text: string): IamPolicy[] {
  if (cache && cache.path === path && cache.text === text) return cache.policies;
  let policies: IamPolicy[] = [];
  try {
    if (/\.tf$/i.test(path)) policies = fromTerraform(text);
    else if (/\.(?:ya?ml|json|template)$/i.test(path)) policies = fromDocuments(path, text);
  } catch (e) {
    // A parser limit is "not judged", for the scanner to report; other failures mean "no policy here".
    if (e instanceof LimitExceeded || (e instanceof Error && /initEngine/.test(e.message))) throw e;
    policies = [];
  }
  cache = { path, text, policies };
  return policies;
}

/** Prefilter for the AWS IAM rules: resource types, CloudFormation types, or a JSON policy's `"Statement"`. */
export const AWS_IAM_KEYWORDS: readonly string[] = ['aws_iam', 'aws::iam::', 'aws_ssoadmin', 'aws::sso::', 'aws::serverless::', '"statement"', 'iamrolestatements', 'statements:'];
export const appliesToIam = (path: string): boolean => /\.(?:tf|ya?ml|json|template)$/i.test(path);

// ---------------------------------------------------------------------------------------------------
// Statements from the policy tree (JSON grammar)

export function pstrs(n: PNode | undefined): PStr[] | undefined {
  if (!n) return undefined;
  const out: PStr[] = [];
  for (const item of list(n)) {
    if (item.k === 'str') out.push({ v: item.v, line: item.line, column: item.column, dynamic: item.dynamic });
    else if (item.k === 'arr') out.push(...(pstrs(item) ?? []));
    else out.push({ v: item.k === 'other' ? item.text : '', line: item.line, column: item.column, dynamic: true });
  }
  return out;
}

export function statementsOfDocument(policy: IamPolicy, doc: PNode | undefined): void {
  const st = get(doc, 'Statement');
  if (!st) return;
  for (const s of list(st)) {
    if (s.k !== 'obj') continue;
    const effect = (strings(get(s, 'Effect'))[0]?.v ?? 'Allow').toLowerCase() === 'deny' ? 'Deny' : 'Allow';
    const principals: IamPrincipal[] = [];
    const pr = get(s, 'Principal');
    if (pr?.k === 'str') principals.push({ type: pr.v === '*' ? '*' : 'AWS', values: pstrs(pr) ?? [] });
    else if (pr?.k === 'obj') for (const e of pr.entries) principals.push({ type: e.key, values: pstrs(e.value) ?? [] });
    const conditions: IamCondition[] = [];
    const cond = get(s, 'Condition');
    if (cond?.k === 'obj') {
      for (const op of cond.entries) {
        if (op.value.k !== 'obj') continue;
        for (const kv of op.value.entries) conditions.push({ operator: op.key, key: kv.key, values: pstrs(kv.value) ?? [], line: kv.line });
      }
    }
    const actionEntry = entry(s, 'Action') ?? entry(s, 'NotAction');
    const stmt: IamStatement = {
      policy,
      index: policy.statements.length,
      effect,
      principals,
      notPrincipal: !!entry(s, 'NotPrincipal'),
      conditions,
      line: s.line,
      column: s.column,
      actionLine: actionEntry?.line ?? s.line,
    };
    const sid = strings(get(s, 'Sid'))[0]?.v;
    if (sid) stmt.sid = sid;
    const a = pstrs(get(s, 'Action'));
    if (a) stmt.action = a;
    const na = pstrs(get(s, 'NotAction'));
    if (na?.some((x) => !x.dynamic)) stmt.notAction = na;
    const r = pstrs(get(s, 'Resource'));
    if (r) stmt.resource = r;
    const nr = pstrs(get(s, 'NotResource'));
    if (nr?.some((x) => !x.dynamic)) stmt.notResource = nr;
    policy.statements.push(stmt);
  }
}

/** Trust or resource policy by its statements: any `Principal` makes it one. */
function purposeOf(policy: IamPolicy, fallback: PolicyPurpose): PolicyPurpose {
  const withPrincipal = policy.statements.filter((s) => s.principals.length || s.notPrincipal);
  if (!withPrincipal.length) return fallback;
  const assumes = withPrincipal.every((s) => (s.action ?? []).some((a) => /^sts:(?:AssumeRole\w*|TagSession|SetSourceIdentity|\*)$|^\*$/i.test(a.v)));
  return assumes ? 'trust' : 'resource';
}

// ---------------------------------------------------------------------------------------------------
// Terraform

const TF_POLICY_RESOURCES: Record<string, { attr: string; holder: Holder; holderAttr?: string }> = {
  aws_iam_policy: { attr: 'policy', holder: 'managed' },
  aws_iam_role_policy: { attr: 'policy', holder: 'role' },
  aws_iam_user_policy: { attr: 'policy', holder: 'user' },
  aws_iam_group_policy: { attr: 'policy', holder: 'group' },
  aws_ssoadmin_permission_set_inline_policy: { attr: 'inline_policy', holder: 'permission-set' },
};

function fromTerraform(text: string): IamPolicy[] {
  const file = parseHcl(text);
  if (!file) return [];
  const out: IamPolicy[] = [];
  for (const block of file.root.blocks) {
    const [type, name] = block.labels;
    if (!type || name === undefined) continue;
    if (block.type === 'resource') {
      const spec = TF_POLICY_RESOURCES[type];
      if (spec) {
        const a = attr(block, spec.attr);
        if (a) out.push(...tfPolicy(text, a.value, `${type}.${name}`, type, 'identity', spec.holder));
      } else if (type === 'aws_iam_role') {
        const trust = attr(block, 'assume_role_policy');
        if (trust) out.push(...tfPolicy(text, trust.value, `${type}.${name}`, type, 'trust', 'role'));
        for (const inline of block.blocks.filter((b) => b.type === 'inline_policy')) {
          const p = attr(inline, 'policy');
          if (p) out.push(...tfPolicy(text, p.value, `${type}.${name}`, type, 'identity', 'role'));
        }
      }
    } else if (block.type === 'data' && type === 'aws_iam_policy_document') {
      out.push(tfPolicyDocument(text, block, `data.${type}.${name}`));
    }
  }
  return out;
}

function tfPolicy(text: string, value: HclValue, owner: string, ownerType: string, purpose: PolicyPurpose, holder: Holder): IamPolicy[] {
  const tree = fromHcl(value, text, { parseStrings: true });
  if (tree.k !== 'obj') return [];
  const policy: IamPolicy = { format: 'terraform', owner, ownerType, purpose, holder, line: value.pos.line, statements: [] };
  statementsOfDocument(policy, tree);
  if (purpose === 'identity') policy.purpose = purposeOf(policy, 'identity');
  return [policy];
}

const tfStrings = (text: string, b: HclBlock, name: string): PStr[] | undefined => {
  const a = attr(b, name);
  return a ? pstrs(fromHcl(a.value, text)) : undefined;
};

function tfPolicyDocument(text: string, block: HclBlock, owner: string): IamPolicy {
  const policy: IamPolicy = { format: 'terraform', owner, ownerType: 'aws_iam_policy_document', purpose: 'identity', holder: 'unknown', line: block.pos.line, statements: [] };
  const stmts: Array<{ b: HclBlock; dynamic: boolean }> = block.blocks.filter((b) => b.type === 'statement').map((b) => ({ b, dynamic: false }));
  for (const d of findBlocks(block, 'dynamic', 'statement')) {
    const content = d.blocks.find((c) => c.type === 'content');
    if (content) stmts.push({ b: content, dynamic: true });
  }
  stmts.sort((x, y) => x.b.pos.line - y.b.pos.line);
  for (const { b } of stmts) {
    const effectAttr = attr(b, 'effect');
    const effect = effectAttr && effectAttr.value.kind === 'string' && effectAttr.value.value.toLowerCase() === 'deny' ? 'Deny' : 'Allow';
    const principals: IamPrincipal[] = [];
    // `dynamic "principals"` / `dynamic "condition"` blocks: their `content` counts (values usually unknown).
    const inner = (type: string): HclBlock[] => [
      ...b.blocks.filter((c) => c.type === type),
      ...b.blocks.filter((c) => c.type === 'dynamic' && c.labels[0] === type).flatMap((d) => d.blocks.filter((c) => c.type === 'content')),
    ];
    for (const p of inner('principals')) {
      const t = attr(p, 'type');
      principals.push({ type: t && t.value.kind === 'string' ? t.value.value : '?', values: tfStrings(text, p, 'identifiers') ?? [] });
    }
    const conditions: IamCondition[] = [];
    for (const c of inner('condition')) {
      const test = attr(c, 'test');
      const variable = attr(c, 'variable');
      conditions.push({
        operator: test && test.value.kind === 'string' ? test.value.value : '?',
        key: variable && (variable.value.kind === 'string' || variable.value.kind === 'template') ? variable.value.value : '?',
        values: tfStrings(text, c, 'values') ?? [],
        line: c.pos.line,
      });
    }
    const actionsAttr = attr(b, 'actions') ?? attr(b, 'action') ?? attr(b, 'not_actions');
    const stmt: IamStatement = {
      policy,
      index: policy.statements.length,
      effect,
      principals,
      notPrincipal: b.blocks.some((c) => c.type === 'not_principals'),
      conditions,
      line: b.pos.line,
      column: b.pos.column,
      actionLine: actionsAttr?.pos.line ?? b.pos.line,
    };
    const sid = attr(b, 'sid');
    if (sid && sid.value.kind === 'string') stmt.sid = sid.value.value;
    // `action` (singular) is a common typo Terraform rejects, but checkov reads it: so do we.
    const a = tfStrings(text, b, 'actions') ?? tfStrings(text, b, 'action');
    if (a) stmt.action = a;
    // Generic modules set both `actions` and `not_actions` from variables: a list with no literal is unknown.
    const na = tfStrings(text, b, 'not_actions');
    if (na?.some((x) => !x.dynamic)) stmt.notAction = na;
    const r = tfStrings(text, b, 'resources');
    if (r) stmt.resource = r;
    const nr = tfStrings(text, b, 'not_resources');
    if (nr?.some((x) => !x.dynamic)) stmt.notResource = nr;
    policy.statements.push(stmt);
  }
  policy.purpose = purposeOf(policy, 'identity');
  return policy;
}

// ---------------------------------------------------------------------------------------------------
// CloudFormation and standalone JSON

export interface CfnResource {
  id: string;
  type: string;
  line: number;
  doc: YamlDoc;
  node: YamlNode;
  properties: YamlNode | undefined;
}

/** The resources of a CloudFormation template (every document of a YAML stream). */
export function cfnResources(text: string, path: string): CfnResource[] {
  const parsed = parseYaml(text, /\.json$/i.test(path) ? { uniqueKeys: false } : { tolerant: true, uniqueKeys: false });
  if (!parsed) return [];
  const out: CfnResource[] = [];
  for (const doc of parsed.docs) {
    const resources = doc.get(doc.root, 'Resources') ?? doc.get(doc.root, 'resources', 'Resources');
    for (const e of doc.entries(resources)) {
      const type = doc.str(doc.get(e.value, 'Type'));
      if (!type || !e.value) continue;
      out.push({ id: e.key, type, line: doc.pos(e.keyNode)?.line ?? 1, doc, node: e.value, properties: doc.get(e.value, 'Properties') });
    }
  }
  return out;
}

const CFN_HOLDER: Record<string, Holder> = {
  'AWS::IAM::Role': 'role',
  'AWS::IAM::User': 'user',
  'AWS::IAM::Group': 'group',
  'AWS::IAM::Policy': 'unknown',
  'AWS::IAM::ManagedPolicy': 'managed',
  'AWS::SSO::PermissionSet': 'permission-set',
  // SAM: `Policies` of a function or state machine become the inline policies of its generated role.
  'AWS::Serverless::Function': 'role',
  'AWS::Serverless::StateMachine': 'role',
};

function fromDocuments(path: string, text: string): IamPolicy[] {
  const out: IamPolicy[] = [];
  if (/AWS::(?:IAM|SSO|Serverless)::/.test(text)) {
    for (const r of cfnResources(text, path)) {
      const holder = CFN_HOLDER[r.type];
      if (!holder) continue;
      const { doc } = r;
      const props = r.properties;
      const push = (node: YamlNode | undefined, purpose: PolicyPurpose, h: Holder): void => {
        for (const b of branches(doc, node)) {
          const tree = fromYaml(doc, b);
          if (tree.k !== 'obj') continue;
          const policy: IamPolicy = { format: 'cloudformation', owner: r.id, ownerType: r.type, purpose, holder: h, line: tree.line, statements: [] };
          statementsOfDocument(policy, tree);
          if (purpose === 'identity') policy.purpose = purposeOf(policy, 'identity');
          out.push(policy);
        }
      };
      if (r.type === 'AWS::IAM::Policy' || r.type === 'AWS::IAM::ManagedPolicy') {
        const users = doc.get(props, 'Users');
        const h: Holder = users && doc.items(users).length ? 'user' : holder;
        for (const pd of branches(doc, doc.get(props, 'PolicyDocument'))) {
          // `PolicyDocument: [ Fn::If … ]` and other shapes that are not a document are skipped.
          push(pd, 'identity', h);
        }
      } else if (r.type === 'AWS::SSO::PermissionSet') {
        push(doc.get(props, 'InlinePolicy'), 'identity', holder);
      } else if (r.type.startsWith('AWS::Serverless::')) {
        // `Policies`: a managed policy name, a policy document, a SAM policy template, or a list of them;
        // the documents (`{Statement: …}`) are inline policies (names: scopes/aws-iam-admin-policy).
        const policies = doc.get(props, 'Policies');
        for (const item of doc.isSeq(policies) ? doc.items(policies) : [policies]) {
          for (const b of branches(doc, item)) if (doc.get(b, 'Statement') !== undefined) push(b, 'identity', holder);
        }
      } else {
        for (const list of branches(doc, doc.get(props, 'Policies'))) {
          for (const p of doc.items(list)) for (const pb of branches(doc, p)) push(doc.get(pb, 'PolicyDocument'), 'identity', holder);
        }
        if (r.type === 'AWS::IAM::Role') push(doc.get(props, 'AssumeRolePolicyDocument'), 'trust', 'role');
      }
    }
  }
  if (/\.ya?ml$/i.test(path) && /iamRoleStatements|^\s*statements:/m.test(text)) out.push(...fromServerless(text));
  if (out.length) return out;
  // A standalone policy document (JSON): `Statement` at the top, or under `PolicyDocument` / `Document`.
  if (/\.json$/i.test(path) && /"Statement"/.test(text)) {
    const tree = parseJsonText(text);
    if (tree?.k !== 'obj') return out;
    const docs = [tree, get(tree, 'PolicyDocument'), get(tree, 'Document'), get(get(tree, 'PolicyVersion'), 'Document')];
    for (const d of docs) {
      if (d?.k !== 'obj' || !get(d, 'Statement')) continue;
      const policy: IamPolicy = { format: 'json', owner: path, ownerType: 'json', purpose: 'identity', holder: 'unknown', line: d.line, statements: [] };
      statementsOfDocument(policy, d);
      policy.purpose = purposeOf(policy, 'identity');
      out.push(policy);
      break;
    }
  }
  return out;
}

/** Serverless Framework: the role statements of the provider and of each function. */
function fromServerless(text: string): IamPolicy[] {
  const parsed = parseYaml(text, { tolerant: true, uniqueKeys: false });
  const doc = parsed?.first;
  if (!doc || !doc.get(doc.root, 'provider')) return [];
  const out: IamPolicy[] = [];
  const lists: Array<{ owner: string; node: YamlNode | undefined }> = [
    { owner: 'provider.iamRoleStatements', node: doc.get(doc.root, 'provider', 'iamRoleStatements') },
    { owner: 'provider.iam.role.statements', node: doc.get(doc.root, 'provider', 'iam', 'role', 'statements') },
  ];
  for (const f of doc.entries(doc.get(doc.root, 'functions'))) {
    lists.push({ owner: `functions.${f.key}.iamRoleStatements`, node: doc.get(f.value, 'iamRoleStatements') });
  }
  for (const { owner, node } of lists) {
    if (!node || !doc.isSeq(node)) continue;
    const statements = resolveServerless(doc, fromYaml(doc, node), 0);
    const policy: IamPolicy = { format: 'cloudformation', owner, ownerType: 'serverless', purpose: 'identity', holder: 'role', line: statements.line, statements: [] };
    statementsOfDocument(policy, { k: 'obj', entries: [{ key: 'Statement', line: statements.line, column: statements.column, value: statements }], line: statements.line, column: statements.column });
    out.push(policy);
  }
  return out;
}

/** `${self:custom.x}` → the value it names (kept at the line that uses it); other variables stay dynamic. */
function resolveServerless(doc: YamlDoc, n: PNode, depth: number): PNode {
  if (depth > 32) return n;
  if (n.k === 'str') {
    const m = /^\$\{self:([\w.-]+)\}$/.exec(n.v.trim());
    if (m) {
      const target = doc.get(doc.root, ...m[1]!.split('.'));
      if (target === undefined) return { ...n, dynamic: true };
      const resolved = resolveServerless(doc, fromYaml(doc, target), depth + 1);
      const at = (x: PNode): PNode => (x.k === 'arr' ? { ...x, line: n.line, column: n.column, items: x.items.map(at) } : { ...x, line: n.line, column: n.column });
      return at(resolved);
    }
    return /\$\{[^}]+\}/.test(n.v) ? { ...n, dynamic: true } : n;
  }
  if (n.k === 'arr') return { ...n, items: n.items.map((i) => resolveServerless(doc, i, depth + 1)) };
  if (n.k === 'obj') return { ...n, entries: n.entries.map((e) => ({ ...e, value: resolveServerless(doc, e.value, depth + 1) })) };
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Helpers for rules

export const hasCondition = (s: IamStatement): boolean => s.conditions.length > 0;

/** `Resource: "*"` (or `arn:aws:*:*:*:*`-like), or a `NotResource` (everything but a few). */
export function allResources(s: IamStatement): boolean {
  if (s.notResource) return true;
  return (s.resource ?? []).some((r) => !r.dynamic && (r.v === '*' || /^arn:aws[\w-]*:\*(?::\*)*:?\*?$/.test(r.v)));
}

export const literalActions = (s: IamStatement): PStr[] => (s.action ?? []).filter((a) => !a.dynamic);

/** A stable, line-free description of a statement for fingerprints. */
export function statementKey(s: IamStatement): string {
  return `${s.policy.owner}#${s.sid ?? s.index}`;
}

/**
 * What a statement of a standalone policy document grants, whatever file holds it and whichever partition
 * its ARNs name: the copies of one policy shipped per partition (`iam_policy.json`, `iam_policy_cn.json`,
 * `iam_policy_us-gov.json`) are one grant, reported once (`RawFinding.sameAs`). Undefined for policies owned
 * by a resource (two roles granting the same are two grants).
 */
export function standaloneStatementKey(s: IamStatement): string | undefined {
  if (s.policy.ownerType !== 'json') return undefined;
  const norm = (l?: PStr[]): string =>
    (l ?? [])
      .map((x) => x.v.replace(/^arn:aws(?:-[a-z]+)*:/, 'arn:*:'))
      .sort()
      .join(',');
  const conditions = s.conditions.map((c) => `${c.operator} ${c.key}=${norm(c.values)}`).sort();
  return [s.effect, norm(s.action), norm(s.notAction), norm(s.resource), norm(s.notResource), ...conditions].join('|');
}
