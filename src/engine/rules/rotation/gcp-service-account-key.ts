/**
 * User-managed Google Cloud service account keys: Terraform `google_service_account_key`. The key
 * never expires unless an org policy says so, works from anywhere, and its private half lands in the
 * Terraform state. Workloads should use attached service accounts, Workload Identity, or Workload
 * Identity Federation (CI). A key Terraform replaces on a schedule (`keepers` tied to a
 * `time_rotating`) within the policy maximum is rotated and passes.
 *
 * ```yaml
 * rules:
 *   rotation/gcp-service-account-key:
 *     options:
 *       maxRotationDays: 90
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr, findBlocks, type HclFile } from '../../parse/hcl.js';
import { LONG_LIVED } from './lib/controls.js';
import { atBlock, blockJudgeable, isTerraformPath, numberOf, resolve, terraform, tfResources } from './lib/cloud.js';

const DEFAULT_MAX = 90;
const optionMax = (o: Record<string, unknown>): number => (typeof o.maxRotationDays === 'number' && o.maxRotationDays > 0 ? o.maxRotationDays : DEFAULT_MAX);

/** Rotation period (days) of `time_rotating.<name>` in the file, if literal. */
function rotatingDays(tf: HclFile, name: string): number | undefined {
  const b = findBlocks(tf.root, 'resource', 'time_rotating').find((x) => x.labels[1] === name);
  if (!b) return undefined;
  const unit: Array<[string, number]> = [
    ['rotation_days', 1],
    ['rotation_hours', 1 / 24],
    ['rotation_minutes', 1 / 1440],
    ['rotation_months', 31],
    ['rotation_years', 366],
  ];
  for (const [k, f] of unit) {
    const n = numberOf(resolve(tf, attr(b, k)?.value));
    if (n !== undefined) return n * f;
  }
  return undefined;
}

const rule: Rule = {
  meta: {
    id: 'rotation/gcp-service-account-key',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'User-managed Google Cloud service account key provisioned in code',
    controls: [...LONG_LIVED],
    remediation:
      'Drop the key: attach the service account to the workload, use Workload Identity (GKE) or Workload Identity Federation (google-github-actions/auth with workload_identity_provider). If a key is unavoidable, rotate it with `keepers = { rotation = time_rotating.<name>.id }` within 90 days and record it in the token inventory.',
    options: {
      maxRotationDays: positive('The longest a key may live, in days, when Terraform replaces it on a schedule (`keepers` tied to a `time_rotating`).', DEFAULT_MAX),
    },
  },
  keywords: ['google_service_account_key'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = optionMax(ctx.options);
    const tf = terraform(file);
    if (!tf) return [];
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, 'google_service_account_key')) {
      if (!blockJudgeable(file, r.block)) continue;
      const keepers = JSON.stringify(attr(r.block, 'keepers')?.value ?? null);
      const rotating = /time_rotating\.([\w-]+)/.exec(keepers);
      if (rotating) {
        const days = rotatingDays(tf, rotating[1]!);
        if (days === undefined || days <= max) continue;
        out.push(
          atBlock(r.block, attr(r.block, 'keepers')?.pos, {
            message: `Service account key \`${r.address}\` is replaced every ${+days.toFixed(1)} days (time_rotating.${rotating[1]}); the policy allows at most ${max}.`,
            construct: `${r.address} key`,
          }),
        );
        continue;
      }
      const uploaded = attr(r.block, 'public_key_data') !== undefined;
      out.push(
        atBlock(r.block, undefined, {
          message: uploaded
            ? `\`${r.address}\` uploads a user-managed key for a service account: a long-lived credential whose private key lives outside Google, with no rotation.`
            : `\`${r.address}\` creates a user-managed service account key: it does not expire by default, works from anywhere, and its private key is stored in the Terraform state.`,
          construct: `${r.address} key`,
        }),
      );
    }
    return out;
  },
};

export default rule;
