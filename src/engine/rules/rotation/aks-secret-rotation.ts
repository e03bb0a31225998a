/**
 * AKS clusters that mount Key Vault secrets through the Secrets Store CSI driver (the Azure Key Vault
 * provider add-on) without automatic secret rotation: a secret renewed in Key Vault then stays in the
 * pods' mounted files as it was until each pod restarts. Terraform `azurerm_kubernetes_cluster` with a
 * `key_vault_secrets_provider` block lacking `secret_rotation_enabled = true` (a
 * `secret_rotation_interval` alone does not turn rotation on); ARM
 * `Microsoft.ContainerService/managedClusters` whose `addonProfiles.azureKeyvaultSecretsProvider` is
 * enabled with `config.enableSecretRotation` not "true". A cluster without the add-on mounts nothing
 * from Key Vault and is not reported.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr } from '../../parse/hcl.js';
import { CREDENTIAL_ROTATION } from './lib/controls.js';
import {
  armEntry,
  armExpression,
  armResources,
  isArmPath,
  atBlock,
  atTemplate,
  blockJudgeable,
  boolOf,
  isTerraformPath,
  nestedBlocks,
  resolve,
  shown,
  templateBool,
  templateJudgeable,
  terraform,
  tfResources,
} from './lib/cloud.js';

const rule: Rule = {
  meta: {
    id: 'rotation/aks-secret-rotation',
    family: 'rotation',
    severity: 'medium',
    confidence: 'high',
    description: 'AKS cluster using the Key Vault Secrets Store CSI driver without automatic secret rotation',
    controls: [...CREDENTIAL_ROTATION],
    remediation:
      'Turn on rotation: `secret_rotation_enabled = true` in the `key_vault_secrets_provider` block (ARM: `addonProfiles.azureKeyvaultSecretsProvider.config.enableSecretRotation: "true"`). The driver then polls Key Vault every `secret_rotation_interval` (`rotationPollInterval` in ARM; default 2m) and updates the mounted files; applications that read a secret once, or through a synced Kubernetes Secret in environment variables, still need a restart to pick it up.',
  },
  keywords: ['key_vault_secrets_provider', 'azurekeyvaultsecretsprovider'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isArmPath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'azurerm_kubernetes_cluster')) {
        if (!blockJudgeable(file, r.block)) continue;
        for (const p of nestedBlocks(r.block, 'key_vault_secrets_provider')) {
          const en = attr(p.block, 'secret_rotation_enabled');
          const v = en ? resolve(tf, en.value) : undefined;
          const on = boolOf(v);
          if (on === true) continue;
          const known = !en || on === false;
          const why = !en
            ? attr(p.block, 'secret_rotation_interval')
              ? '`secret_rotation_enabled` is not set (a `secret_rotation_interval` alone does not turn rotation on)'
              : '`secret_rotation_enabled` is not set (it defaults to false)'
            : on === false
              ? '`secret_rotation_enabled = false`'
              : `\`secret_rotation_enabled = ${shown(v)}\` cannot be verified to be true here`;
          out.push(
            atBlock(p.block, en?.pos, {
              message: `AKS cluster \`${r.address}\` mounts Key Vault secrets without automatic rotation: ${why}. A secret renewed in Key Vault reaches the pods only when they restart.`,
              construct: `${r.address} secret rotation`,
              // A dynamic block may not exist at all (then the driver is not used).
              ...(known && !p.dynamic ? {} : { confidence: 'low' as const }),
            }),
          );
          break;
        }
      }
      return out;
    }
    for (const r of armResources(file)) {
      if (r.type.toLowerCase() !== 'microsoft.containerservice/managedclusters' || !templateJudgeable(file, r)) continue;
      const { doc, properties: p } = r;
      const addon = armEntry(doc, doc.get(p, 'addonProfiles'), 'azureKeyvaultSecretsProvider');
      if (!addon) continue;
      const enabledNode = armEntry(doc, addon.value, 'enabled')?.value;
      const enabled = templateBool(doc, enabledNode);
      if (enabled === false || (enabled === undefined && !armExpression(doc.str(enabledNode)))) continue;
      const config = armEntry(doc, addon.value, 'config')?.value;
      // `config` computed as a whole (an ARM or Bicep expression): its setting is not known here.
      const computed = armExpression(doc.str(config));
      const rot = armEntry(doc, config, 'enableSecretRotation');
      const on = templateBool(doc, rot?.value);
      if (on === true) continue;
      const unknown = (rot && on === undefined) || enabled === undefined || computed;
      const why = computed
        ? '`config` is computed, so `enableSecretRotation` cannot be verified to be "true" here'
        : !rot
          ? '`config.enableSecretRotation` is not set (it defaults to "false")'
          : on === false
            ? '`config.enableSecretRotation` is "false"'
            : '`config.enableSecretRotation` cannot be verified to be "true" here';
      out.push(
        atTemplate(r, rot?.keyNode ?? addon.keyNode, {
          message: `AKS cluster \`${r.id}\` mounts Key Vault secrets without automatic rotation: ${why}. A secret renewed in Key Vault reaches the pods only when they restart.`,
          construct: `${r.id} secret rotation`,
          ...(unknown ? { confidence: 'low' as const } : {}),
        }),
      );
    }
    return out;
  },
};

export default rule;
