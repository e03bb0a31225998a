/**
 * AWS Secrets Manager secrets that never rotate: Terraform `aws_secretsmanager_secret` with no
 * `aws_secretsmanager_secret_rotation` pointing at it (in the same file or another `.tf` file of the
 * same directory — the module), CloudFormation `AWS::SecretsManager::Secret` with no
 * `AWS::SecretsManager::RotationSchedule` for it; and rotation schedules whose interval
 * (`automatically_after_days`, `rate(…)`) is over the policy maximum. `cron(…)` schedules are
 * accepted as they are.
 *
 * ```yaml
 * rules:
 *   rotation/aws-secrets-manager-rotation:
 *     options:
 *       maxRotationDays: 90
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr, findBlocks, parseHcl, type HclBlock, type HclFile } from '../../parse/hcl.js';
import type { YamlDoc, YamlNode } from '../../parse/yaml.js';
import { KEY_ROTATION } from './lib/controls.js';
import {
  atBlock,
  atTemplate,
  blockJudgeable,
  cfnRefTarget,
  cfnResources,
  isTemplatePath,
  isTerraformPath,
  numberOf,
  rateDays,
  resolve,
  shown,
  stringOf,
  templateJudgeable,
  terraform,
  tfResources,
} from './lib/cloud.js';

const DEFAULT_MAX = 90;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);
const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1);
const ROTATION_TYPE = 'aws_secretsmanager_secret_rotation';

/** Names of secrets (`aws_secretsmanager_secret.<name>`) a file's rotation resources point at. */
function rotatedNames(tf: HclFile): Set<string> {
  const out = new Set<string>();
  for (const b of findBlocks(tf.root, 'resource', ROTATION_TYPE)) {
    const id = attr(b, 'secret_id')?.value;
    const text = id ? (id.kind === 'expr' || id.kind === 'template' ? (id.kind === 'expr' ? id.text : id.value) : '') : '';
    for (const m of text.matchAll(/aws_secretsmanager_secret\.([A-Za-z_][\w-]*)/g)) out.add(m[1]!);
  }
  return out;
}

/** A rotation block's interval in days, `'cron'`, or the unverifiable value as written. */
function interval(tf: HclFile, rules: HclBlock | undefined): { days?: number; cron?: boolean; unknown?: string; pos?: { line: number; column: number } } {
  if (!rules) return {};
  const after = attr(rules, 'automatically_after_days');
  if (after) {
    const v = resolve(tf, after.value);
    const d = numberOf(v);
    return d === undefined ? { unknown: shown(v), pos: after.pos } : { days: d, pos: after.pos };
  }
  const sched = attr(rules, 'schedule_expression');
  if (sched) {
    const v = resolve(tf, sched.value);
    const s = stringOf(v);
    if (s === undefined) return { unknown: shown(v), pos: sched.pos };
    if (/^\s*cron\(/i.test(s)) return { cron: true };
    const d = rateDays(s);
    return d === undefined ? { unknown: shown(v), pos: sched.pos } : { days: d, pos: sched.pos };
  }
  return {};
}

function checkTerraform(file: Parameters<Rule['check']>[0], ctx: Parameters<Rule['check']>[1], max: number): RawFinding[] {
  const tf = terraform(file);
  if (!tf) return [];
  const out: RawFinding[] = [];
  // Rotations declared anywhere in the module: this file and its sibling .tf files.
  const rotated = rotatedNames(tf);
  const dir = dirOf(file.path);
  for (const p of ctx.repo?.paths() ?? []) {
    if (p === file.path || !isTerraformPath(p) || dirOf(p) !== dir) continue;
    const text = ctx.repo!.read(p);
    if (!text || !text.includes(ROTATION_TYPE)) continue;
    const other = parseHcl(text);
    if (other) for (const n of rotatedNames(other)) rotated.add(n);
  }
  for (const r of tfResources(tf, 'aws_secretsmanager_secret')) {
    if (!blockJudgeable(file, r.block)) continue;
    // Pre-v5 providers configured rotation on the secret itself.
    const inline = findBlocks(r.block, 'rotation_rules')[0];
    if (rotated.has(r.name) || attr(r.block, 'rotation_lambda_arn') || inline) {
      if (inline) out.push(...overMax(tf, inline, r.address, max));
      continue;
    }
    out.push(
      atBlock(r.block, undefined, {
        message: `Secrets Manager secret \`${r.address}\` has no automatic rotation: no \`${ROTATION_TYPE}\` in this module points at it.`,
        construct: `${r.address} rotation`,
      }),
    );
  }
  for (const b of findBlocks(tf.root, 'resource', ROTATION_TYPE)) {
    if (!blockJudgeable(file, b)) continue;
    out.push(...overMax(tf, findBlocks(b, 'rotation_rules')[0], `${ROTATION_TYPE}.${b.labels[1] ?? ''}`, max, b));
  }
  return out;
}

function overMax(tf: HclFile, rules: HclBlock | undefined, address: string, max: number, owner?: HclBlock): RawFinding[] {
  const i = interval(tf, rules);
  if (owner && !rules) {
    return [atBlock(owner, undefined, { message: `Rotation \`${address}\` has no \`rotation_rules\`: nothing says how often the secret rotates.`, construct: `${address} interval` })];
  }
  if (i.days !== undefined && i.days > max) {
    return [
      {
        ...i.pos!,
        message: `Rotation \`${address}\` runs every ${+i.days.toFixed(2)} days; the policy allows at most ${max}.`,
        construct: `${address} interval`,
        remediation: `Set \`automatically_after_days = ${max}\` (or \`schedule_expression = "rate(${max} days)"\`) or less.`,
      },
    ];
  }
  if (i.unknown !== undefined) {
    return [{ ...i.pos!, message: `Rotation \`${address}\` runs every ${i.unknown}, which cannot be verified to be at most ${max} days here.`, construct: `${address} interval`, confidence: 'low' }];
  }
  if (rules && !i.cron && i.days === undefined) {
    // Neither attribute: AWS requires one of them, so nothing says how often the secret rotates.
    return [
      {
        ...rules.pos,
        message: `Rotation \`${address}\` has \`rotation_rules\` without \`automatically_after_days\` or \`schedule_expression\`: nothing says how often the secret rotates (AWS requires one of them).`,
        construct: `${address} interval`,
        remediation: `Set \`automatically_after_days = ${max}\` (or \`schedule_expression = "rate(${max} days)"\`) or less.`,
      },
    ];
  }
  return [];
}

function cfnInterval(doc: YamlDoc, rules: YamlNode | undefined): { days?: number; cron?: boolean; node?: YamlNode } {
  const after = doc.entry(rules, 'AutomaticallyAfterDays');
  if (after) return { days: Number(doc.str(after.value)), node: after.keyNode };
  const sched = doc.entry(rules, 'ScheduleExpression');
  const s = doc.str(sched?.value);
  if (s === undefined) return {};
  if (/^\s*cron\(/i.test(s)) return { cron: true };
  const d = rateDays(s);
  return d === undefined ? {} : { days: d, node: sched!.keyNode };
}

function checkTemplate(file: Parameters<Rule['check']>[0], max: number): RawFinding[] {
  const resources = cfnResources(file);
  const schedules = resources.filter((r) => r.type === 'AWS::SecretsManager::RotationSchedule');
  const targets = new Set(schedules.map((s) => cfnRefTarget(s.doc, s.doc.get(s.properties, 'SecretId'))).filter((x): x is string => !!x));
  const out: RawFinding[] = [];
  for (const r of resources) {
    if (r.type !== 'AWS::SecretsManager::Secret' || !templateJudgeable(file, r) || targets.has(r.id)) continue;
    out.push(
      atTemplate(r, undefined, {
        message: `Secrets Manager secret \`${r.id}\` has no automatic rotation: no \`AWS::SecretsManager::RotationSchedule\` in this template names it.`,
        construct: `${r.id} rotation`,
      }),
    );
  }
  for (const s of schedules) {
    if (!templateJudgeable(file, s)) continue;
    const i = cfnInterval(s.doc, s.doc.get(s.properties, 'RotationRules'));
    if (i.days !== undefined && Number.isFinite(i.days) && i.days > max) {
      out.push(
        atTemplate(s, i.node, {
          message: `Rotation \`${s.id}\` runs every ${+i.days.toFixed(2)} days; the policy allows at most ${max}.`,
          construct: `${s.id} interval`,
          remediation: `Set \`AutomaticallyAfterDays: ${max}\` (or \`ScheduleExpression: rate(${max} days)\`) or less.`,
        }),
      );
    }
  }
  return out;
}

const rule: Rule = {
  meta: {
    id: 'rotation/aws-secrets-manager-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'AWS Secrets Manager secret without automatic rotation (or rotated less often than the maximum)',
    controls: [...KEY_ROTATION],
    remediation:
      'Add a rotation: Terraform `aws_secretsmanager_secret_rotation` (secret_id, rotation_lambda_arn, rotation_rules { automatically_after_days = 30 }) or CloudFormation `AWS::SecretsManager::RotationSchedule`; managed rotation exists for RDS, Redshift and DocumentDB credentials.',
    options: {
      maxRotationDays: positive('The longest rotation interval allowed, in days.', DEFAULT_MAX),
    },
  },
  keywords: ['aws_secretsmanager_secret', 'aws::secretsmanager::secret', 'aws::secretsmanager::rotationschedule'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isTemplatePath(p),
  // Rotations may sit in another file of the module.
  context: (path, text) => isTerraformPath(path) && text.includes(ROTATION_TYPE),
  check(file, ctx) {
    const max = optionMax(ctx.options);
    return isTerraformPath(file.path) ? checkTerraform(file, ctx, max) : checkTemplate(file, max);
  },
};

export default rule;
