/**
 * Azure storage accounts that accept Shared Key authorization (the default) without a SAS expiration
 * policy: Terraform `azurerm_storage_account` without `sas_policy { expiration_period = "…" }` while
 * `shared_access_key_enabled` is absent or true; ARM `Microsoft.Storage/storageAccounts` without
 * `properties.sasPolicy.sasExpirationPeriod` while `allowSharedKeyAccess` is not false. A SAS signed with
 * an account key can be given any expiry, and the only way to revoke it is to rotate that key. An
 * account with Shared Key turned off accepts no such SAS and is not reported.
 *
 * Not covered: the account key expiration policy (`keyPolicy.keyExpirationPeriodInDays`), which only
 * reminds (Azure Policy / Advisor) and has no counterpart in the azurerm provider.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr } from '../../parse/hcl.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import {
  armEntry,
  armResources,
  isArmPath,
  atBlock,
  atTemplate,
  blockJudgeable,
  boolOf,
  isTerraformPath,
  nestedBlocks,
  resolve,
  templateBool,
  templateJudgeable,
  terraform,
  tfResources,
} from './lib/cloud.js';

const WHY = 'SAS tokens signed with the account key can be made valid for years and cannot be revoked short of rotating the key.';

const allows = (how: 'set' | 'default' | 'unknown'): string =>
  how === 'set' ? 'allows Shared Key authorization' : how === 'default' ? 'allows Shared Key authorization (the default)' : 'may allow Shared Key authorization (its setting cannot be verified here)';

const rule: Rule = {
  meta: {
    id: 'rotation/azure-storage-sas-expiry',
    family: 'rotation',
    severity: 'low',
    confidence: 'medium',
    description: 'Azure storage account that allows Shared Key authorization without a SAS expiration policy',
    controls: [...CREDENTIAL_ROTATION],
    remediation:
      'Add a SAS expiration policy: `sas_policy { expiration_period = "1.00:00:00" }` (DD.HH:MM:SS) on `azurerm_storage_account`, or `properties.sasPolicy: { sasExpirationPeriod: "1.00:00:00", expirationAction: "Log" }` in ARM. With `Log` Azure records requests made with longer-lived SAS tokens; `Block` (where available) rejects them. ' +
      'Better, if nothing needs the account keys: turn Shared Key off (`shared_access_key_enabled = false`, `allowSharedKeyAccess: false`) and hand out user delegation SAS tokens, signed through Microsoft Entra ID and revocable.',
  },
  keywords: ['azurerm_storage_account', 'microsoft.storage/storageaccounts'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isArmPath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'azurerm_storage_account')) {
        if (!blockJudgeable(file, r.block)) continue;
        const sk = attr(r.block, 'shared_access_key_enabled');
        const shared = sk ? boolOf(resolve(tf, sk.value)) : true;
        if (shared === false) continue;
        const policies = nestedBlocks(r.block, 'sas_policy').filter((p) => attr(p.block, 'expiration_period'));
        if (policies.some((p) => !p.dynamic)) continue;
        const dynamic = policies.length > 0;
        const message = dynamic
          ? `Storage account \`${r.address}\` ${allows(sk ? (shared === undefined ? 'unknown' : 'set') : 'default')}, and has a SAS expiration policy only if its dynamic \`sas_policy\` block is generated: ${WHY}`
          : `Storage account \`${r.address}\` ${allows(sk ? (shared === undefined ? 'unknown' : 'set') : 'default')} and sets no SAS expiration policy (\`sas_policy\`): ${WHY}`;
        out.push(
          atBlock(r.block, undefined, {
            message,
            construct: `${r.address} sas expiry`,
            ...(dynamic || shared === undefined ? { confidence: 'low' as const } : {}),
          }),
        );
      }
      return out;
    }
    for (const r of armResources(file)) {
      if (r.type.toLowerCase() !== 'microsoft.storage/storageaccounts' || !templateJudgeable(file, r)) continue;
      const { doc, properties: p } = r;
      const sk = armEntry(doc, p, 'allowSharedKeyAccess');
      const shared = sk && !doc.isNull(sk.value) ? templateBool(doc, sk.value) : true;
      if (shared === false) continue;
      const period = armEntry(doc, armEntry(doc, p, 'sasPolicy')?.value, 'sasExpirationPeriod');
      if (period && !doc.isNull(period.value) && (doc.str(period.value) ?? '').trim() !== '') continue;
      out.push(
        atTemplate(r, undefined, {
          message: `Storage account \`${r.id}\` ${allows(sk && !doc.isNull(sk.value) ? (shared === undefined ? 'unknown' : 'set') : 'default')} and sets no SAS expiration policy (\`sasPolicy.sasExpirationPeriod\`): ${WHY}`,
          construct: `${r.id} sas expiry`,
          ...(shared === undefined ? { confidence: 'low' as const } : {}),
        }),
      );
    }
    return out;
  },
};

export default rule;
