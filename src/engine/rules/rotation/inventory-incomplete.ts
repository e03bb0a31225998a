/**
 * A token inventory entry that does not answer the auditor's questions: no kind, no owner (who
 * rotates it), no rotation period, no last rotation date or no expiry — or an expiry of `never` for a
 * kind that can expire (a token that never expires is only revoked when someone remembers it), or a
 * last rotation in the future.
 *
 * ```yaml
 * rules:
 *   rotation/inventory-incomplete:
 *     options:
 *       allowNeverExpires: [deploy-key, ssh-key, github-app, webhook-secret]   # the default: issuers without expiry
 * ```
 */
import type { RawFinding, Rule } from '../../rule.js';
import { listOf } from '../../option-schema.js';
import { allowNeverExpiresOption, CREDENTIAL_KINDS, isoDay, missingFields, NEVER_EXPIRES_KINDS } from '../../inventory/index.js';
import { CREDENTIAL_INVENTORY } from './lib/controls.js';
import { atEntry, isInventoryPath, label, loadInventory } from './lib/inventory-rule.js';

const WHAT: Record<string, string> = {
  kind: 'kind',
  provider: 'provider (its issuer)',
  owner: 'owner',
  rotation_days: 'rotation period (`rotation_days`)',
  last_rotated: 'last rotation date (`last_rotated`)',
  expires: 'expiry (`expires`)',
};

const rule: Rule = {
  meta: {
    id: 'rotation/inventory-incomplete',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Token inventory entry without an owner, rotation period, last rotation or expiry (or one that never expires)',
    controls: [...CREDENTIAL_INVENTORY],
    remediation:
      'Fill in the entry: `owner` (@user or @org/team), `rotation_days`, `last_rotated` (YYYY-MM-DD) and `expires` (YYYY-MM-DD). Issue tokens with an expiry; `never` is acceptable only where the issuer offers none.',
    options: {
      allowNeverExpires: listOf('Credential kinds that may declare `expires: never` (their issuer offers no expiry).', NEVER_EXPIRES_KINDS, { enum: [...CREDENTIAL_KINDS] }),
    },
  },
  keywords: ['credentials'],
  scope: 'file',
  appliesTo: isInventoryPath,
  context: isInventoryPath,
  check(file, ctx) {
    const l = loadInventory(file, ctx);
    if (!l) return [];
    const allowNever = allowNeverExpiresOption(ctx.options) ?? NEVER_EXPIRES_KINDS;
    const today = isoDay(ctx.today);
    const out: RawFinding[] = [];
    const push = (f: RawFinding | undefined): void => void (f && out.push(f));
    for (const e of l.inv.entries) {
      // Present but malformed values are `rotation/inventory-invalid`'s.
      const missing = missingFields(e).filter((f) => !(e.invalid as string[]).includes(f));
      if (missing.length) {
        push(
          atEntry(l, e, 'name', {
            message: `Credential ${label(e)} has no ${missing.map((m) => WHAT[m] ?? m).join(', ')}: nobody can tell ${missing.includes('owner') ? 'who rotates it or ' : ''}when it must be rotated.`,
            construct: `entry:${e.name.toUpperCase()} missing:${missing.join(',')}`,
            remediation: `Add ${missing.map((m) => `\`${m}\``).join(', ')} to the entry (owner as @user or @org/team, dates as YYYY-MM-DD).`,
          }),
        );
      }
      if (e.expires === 'never' && !(e.kind && allowNever.includes(e.kind))) {
        push(
          atEntry(l, e, 'expires', {
            message: `Credential ${label(e)} never expires: if it leaks it works until someone remembers to revoke it.`,
            construct: `entry:${e.name.toUpperCase()} never-expires`,
            remediation: `Reissue it with an expiry${e.kind === 'classic-pat' ? ' (or better as a fine-grained PAT, which must expire)' : ''} and write the date in \`expires\`. If its issuer cannot set one, add the kind to \`allowNeverExpires\` of \`rotation/inventory-incomplete\`.`,
          }),
        );
      }
      if (e.lastRotated && e.lastRotated > today) {
        push(
          atEntry(l, e, 'last_rotated', {
            message: `Credential ${label(e)} says it was last rotated on ${e.lastRotated}, which is in the future.`,
            construct: `entry:${e.name.toUpperCase()} future-rotation`,
            remediation: 'Write the date the current credential was issued (YYYY-MM-DD).',
          }),
        );
      }
    }
    return out;
  },
};

export default rule;
