/**
 * GitLab tokens provisioned with Terraform that never expire or outlive the policy: the
 * `gitlab_project_access_token`, `gitlab_group_access_token`, `gitlab_personal_access_token` and
 * `gitlab_deploy_token` resources without `expires_at` and without `rotation_configuration`, with a
 * literal `expires_at` further ahead than the maximum lifetime, or rotating less often than it.
 *
 * ```yaml
 * rules:
 *   rotation/gitlab-token-expiry:
 *     options:
 *       maxLifetimeDays: 365   # GitLab's own ceiling for access tokens
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { positive } from '../../option-schema.js';
import { attr, findBlocks } from '../../parse/hcl.js';
import { daysBetween, isDate, isoDay } from '../../inventory/index.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import { atBlock, blockJudgeable, isTerraformPath, numberOf, resolve, stringOf, terraform, tfResources } from './lib/cloud.js';

const TYPES = ['gitlab_project_access_token', 'gitlab_group_access_token', 'gitlab_personal_access_token', 'gitlab_deploy_token'];
const DEFAULT_MAX = 365;

const rule: Rule = {
  meta: {
    id: 'rotation/gitlab-token-expiry',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'GitLab access or deploy token provisioned in Terraform without an expiry or rotation',
    controls: [...CREDENTIAL_ROTATION],
    remediation:
      'Give the token `rotation_configuration { expiration_days = 90, rotate_before_days = 14 }` (the provider rotates it) or at least an `expires_at` within the policy maximum, and record it in the token inventory.',
    options: {
      maxLifetimeDays: positive('The longest a GitLab token may live (or go between rotations), in days.', DEFAULT_MAX),
    },
  },
  keywords: ['gitlab_project_access_token', 'gitlab_group_access_token', 'gitlab_personal_access_token', 'gitlab_deploy_token'],
  scope: 'file',
  appliesTo: isTerraformPath,
  check(file, ctx) {
    const max = typeof ctx.options.maxLifetimeDays === 'number' && ctx.options.maxLifetimeDays > 0 ? ctx.options.maxLifetimeDays : DEFAULT_MAX;
    const tf = terraform(file);
    if (!tf) return [];
    const today = isoDay(ctx.today);
    const out: RawFinding[] = [];
    for (const r of tfResources(tf, ...TYPES)) {
      if (!blockJudgeable(file, r.block)) continue;
      const expires = attr(r.block, 'expires_at');
      const rotation = findBlocks(r.block, 'rotation_configuration')[0] ?? (attr(r.block, 'rotation_configuration') ? r.block : undefined);
      if (!expires && !rotation) {
        out.push(
          atBlock(r.block, undefined, {
            message: `\`${r.address}\` has neither \`expires_at\` nor \`rotation_configuration\`: the token lives until someone revokes it.`,
            construct: `${r.address} expiry`,
          }),
        );
        continue;
      }
      if (rotation && rotation !== r.block) {
        const days = attr(rotation, 'expiration_days');
        const n = days ? numberOf(resolve(tf, days.value)) : undefined;
        if (days && n !== undefined && n > max)
          out.push(atBlock(r.block, days.pos, { message: `\`${r.address}\` rotates to tokens valid for ${n} days; the policy allows at most ${max}.`, construct: `${r.address} lifetime` }));
        continue;
      }
      const date = expires ? stringOf(resolve(tf, expires.value))?.slice(0, 10) : undefined;
      if (expires && isDate(date) && daysBetween(today, date) > max) {
        out.push(
          atBlock(r.block, expires.pos, {
            message: `\`${r.address}\` expires ${date}, ${daysBetween(today, date)} days from now; the policy allows at most ${max}.`,
            construct: `${r.address} lifetime`,
            remediation: 'Use `rotation_configuration` so the provider renews the token before it expires, instead of a far-away fixed date.',
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
