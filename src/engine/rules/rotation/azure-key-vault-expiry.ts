/**
 * Azure Key Vault secrets and keys that never expire: Terraform `azurerm_key_vault_secret` without
 * `expiration_date`; `azurerm_key_vault_key` without `expiration_date` and without a
 * `rotation_policy` (which renews the key and sets the expiry of each new version); and the same in
 * ARM templates (`Microsoft.KeyVault/vaults/secrets` / `…/keys` without `attributes.exp`, keys also
 * without `rotationPolicy`). Bicep and the Azure CLI set the same attributes.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr, findBlocks } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import { armResources, atBlock, atTemplate, blockJudgeable, isTerraformPath, templateJudgeable, terraform, tfResources } from './lib/cloud.js';

const rule: Rule = {
  meta: {
    id: 'rotation/azure-key-vault-expiry',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'Azure Key Vault secret or key without an expiration date (or, for keys, a rotation policy)',
    controls: [...KEY_ROTATION],
    remediation:
      'Set an expiry: `expiration_date` (RFC 3339) on the secret or key in Terraform, `attributes.exp` (epoch seconds) in ARM; for keys prefer a `rotation_policy` (automatic { time_before_expiry = "P30D" }, expire_after = "P90D") so Key Vault renews them. Record who renews secrets in the token inventory.',
  },
  keywords: ['azurerm_key_vault_secret', 'azurerm_key_vault_key', 'microsoft.keyvault/vaults'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || /\.json$/i.test(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'azurerm_key_vault_secret', 'azurerm_key_vault_key')) {
        if (!blockJudgeable(file, r.block) || attr(r.block, 'expiration_date')) continue;
        const key = r.type === 'azurerm_key_vault_key';
        if (key && findBlocks(r.block, 'rotation_policy').length) continue;
        out.push(
          atBlock(r.block, undefined, {
            message: key
              ? `Key Vault key \`${r.address}\` has no \`expiration_date\` and no \`rotation_policy\`: it is used forever unless someone replaces it.`
              : `Key Vault secret \`${r.address}\` has no \`expiration_date\`: nothing says when the credential it holds must be renewed.`,
            construct: `${r.address} expiry`,
          }),
        );
      }
      return out;
    }
    for (const r of armResources(file)) {
      const type = r.type.toLowerCase();
      const key = type === 'microsoft.keyvault/vaults/keys';
      if ((!key && type !== 'microsoft.keyvault/vaults/secrets') || !templateJudgeable(file, r)) continue;
      const { doc, properties: p } = r;
      const exp = doc.get(p, 'attributes', 'exp');
      if (exp !== undefined && !doc.isNull(exp)) continue;
      if (key && doc.has(p, 'rotationPolicy')) continue;
      out.push(
        atTemplate(r, undefined, {
          message: key
            ? `Key Vault key \`${r.id}\` has no \`attributes.exp\` and no \`rotationPolicy\`: it is used forever unless someone replaces it.`
            : `Key Vault secret \`${r.id}\` has no \`attributes.exp\`: nothing says when the credential it holds must be renewed.`,
          construct: `${r.id} expiry`,
        }),
      );
    }
    return out;
  },
};

export default rule;
