/**
 * Azure Key Vault secrets and keys that never expire: Terraform `azurerm_key_vault_secret` without
 * `expiration_date`; `azurerm_key_vault_key` (and Managed HSM keys) without `expiration_date` and
 * without a `rotation_policy` that rotates automatically (an `automatic` block: Key Vault then makes
 * a new version on schedule and sets the expiry of each); and the same in ARM templates
 * (`Microsoft.KeyVault/vaults/secrets` / `…/keys` without `attributes.exp`, keys also without a
 * `rotationPolicy` whose `lifetimeActions` rotate). A policy that only notifies, or only sets the
 * expiry of versions made later (`expire_after` / `attributes.expiryTime`), neither renews nor expires
 * the key as deployed. A dynamic `rotation_policy` block is given the benefit of the doubt.
 * Bicep and the Azure CLI set the same attributes.
 */
import type { RawFinding, Rule } from '../../rule.js';
import { attr } from '../../parse/hcl.js';
import { KEY_ROTATION } from './lib/controls.js';
import type { YamlDoc, YamlNode } from '../../parse/yaml.js';
import { armEntry, armResources, isArmPath, atBlock, atTemplate, blockJudgeable, isTerraformPath, nestedBlocks, templateJudgeable, terraform, tfResources } from './lib/cloud.js';
import type { HclBlock, HclValue } from '../../parse/hcl.js';

const KEY_TYPES = new Set(['azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key']);

/** A `rotation_policy` that rotates on its own (`automatic { time_after_create | time_before_expiry }`), or a dynamic one. */
/** The source text of a value, its strings, references and call arguments joined. */
function valueText(v: HclValue | undefined): string {
  if (!v) return '';
  switch (v.kind) {
    case 'string':
    case 'template':
      return v.value;
    case 'expr':
      return v.text;
    case 'call':
      return `${v.name}(${v.args.map(valueText).join(' ')})`;
    case 'tuple':
      return v.items.map(valueText).join(' ');
    default:
      return '';
  }
}
const IDENTIFIER_WORDS =
  /(?:^|[^a-z])(?:client|tenant|subscription|application|app|object|principal|directory)[_-]?id|(?:^|[^a-z])(?:user(?:_?name)?|login|admin_?login|fqdn|host(?:_?name)?|server_?name|url|uri|endpoint|domain|email)(?:[^a-z]|$)/i;
const CREDENTIAL_WORDS = /pass(?:word|wd)?|pwd|secret|key|token|credential|connection|sas|cert|private/i;
/**
 * A Key Vault secret that holds an identifier, by its resource name, its `name` or what its `value` reads
 * (`client_id`, `tenant_id`, `sql_administrator_login`, an FQDN): kept in the vault beside the credentials
 * for convenience, not a credential with a lifetime. Not when a credential word is there too.
 */
function holdsIdentifier(b: HclBlock): boolean {
  const texts = [b.labels[1] ?? '', valueText(attr(b, 'name')?.value), valueText(attr(b, 'value')?.value)];
  const all = texts.join(' ');
  return texts.some((t) => IDENTIFIER_WORDS.test(t)) && !CREDENTIAL_WORDS.test(all.replace(/key_vault|keyvault|secret_prefix/gi, ''));
}

function rotatesTf(b: HclBlock): 'yes' | 'no' | 'none' {
  const policies = nestedBlocks(b, 'rotation_policy');
  if (!policies.length) return 'none';
  for (const p of policies) {
    if (p.dynamic) return 'yes';
    if (nestedBlocks(p.block, 'automatic').some((a) => a.dynamic || attr(a.block, 'time_after_create') || attr(a.block, 'time_before_expiry'))) return 'yes';
  }
  return 'no';
}

/** An ARM `rotationPolicy` with a `Rotate` lifetime action (or one given by an expression). */
function rotatesArm(doc: YamlDoc, policy: YamlNode | undefined): 'yes' | 'no' | 'none' {
  if (policy === undefined || doc.isNull(policy)) return 'none';
  if (/^\s*\[/.test(doc.str(policy) ?? '')) return 'yes';
  const actions = armEntry(doc, policy, 'lifetimeActions')?.value;
  if (actions !== undefined && /^\s*\[/.test(doc.str(actions) ?? '')) return 'yes';
  for (const a of doc.items(actions)) {
    const type = doc.str(armEntry(doc, armEntry(doc, a, 'action')?.value, 'type')?.value) ?? '';
    if (/^\s*(?:rotate|\[)/i.test(type)) return 'yes';
  }
  return 'no';
}

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
  keywords: ['azurerm_key_vault_secret', 'azurerm_key_vault_key', 'azurerm_key_vault_managed_hardware_security_module_key', 'microsoft.keyvault/vaults'],
  scope: 'file',
  appliesTo: (p) => isTerraformPath(p) || isArmPath(p),
  check(file) {
    const out: RawFinding[] = [];
    if (isTerraformPath(file.path)) {
      const tf = terraform(file);
      if (!tf) return [];
      for (const r of tfResources(tf, 'azurerm_key_vault_secret', ...KEY_TYPES)) {
        if (!blockJudgeable(file, r.block) || attr(r.block, 'expiration_date')) continue;
        if (r.type === 'azurerm_key_vault_secret' && holdsIdentifier(r.block)) continue;
        const key = KEY_TYPES.has(r.type);
        const rotates = key ? rotatesTf(r.block) : 'none';
        const label = r.type === 'azurerm_key_vault_key' ? 'Key Vault key' : 'Managed HSM key';
        if (rotates === 'yes') continue;
        out.push(
          atBlock(r.block, undefined, {
            message: key
              ? rotates === 'no'
                ? `${label} \`${r.address}\` has no \`expiration_date\`, and its \`rotation_policy\` has no \`automatic\` block: the policy neither renews the key nor expires the version deployed here (\`expire_after\` applies to versions made later).`
                : `${label} \`${r.address}\` has no \`expiration_date\` and no \`rotation_policy\`: it is used forever unless someone replaces it.`
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
      const rotates = key ? rotatesArm(doc, armEntry(doc, p, 'rotationPolicy')?.value) : 'none';
      if (rotates === 'yes') continue;
      out.push(
        atTemplate(r, undefined, {
          message: key
            ? rotates === 'no'
              ? `Key Vault key \`${r.id}\` has no \`attributes.exp\`, and its \`rotationPolicy\` has no \`Rotate\` lifetime action: the policy neither renews the key nor expires the version deployed here (\`attributes.expiryTime\` applies to versions made later).`
              : `Key Vault key \`${r.id}\` has no \`attributes.exp\` and no \`rotationPolicy\`: it is used forever unless someone replaces it.`
            : `Key Vault secret \`${r.id}\` has no \`attributes.exp\`: nothing says when the credential it holds must be renewed.`,
          construct: `${r.id} expiry`,
        }),
      );
    }
    return out;
  },
};

export default rule;
