import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names, nameOf } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf } from './lib/refine.js';

/**
 * Azure credentials without a marker — Entra client secrets from before the `Q~` format, classic
 * Functions / Search / Cognitive Services keys — found by an Azure name that also says "credential":
 * AZURE_CLIENT_SECRET, azureClientSecret, ARM_CLIENT_SECRET (Terraform), azureFunctionKey,
 * azure.search.admin-key … Left out: the `Q~` format and the identifiable formats (their own rules),
 * GUIDs (client and tenant IDs are not secrets), and values that are not random (one or two classes).
 */
const NAME = names('azure', 'arm_client_secret', 'arm-client-secret', 'arm_access_key', 'arm-access-key');
const CREDENTIAL_WORD = /secret|passw(?:or)?d|pwd|key|token|credential|sas/i;
// Names that hold identifiers or locations next to the secret, not the secret itself.
const NOT_A_SECRET_NAME = /(?:^|[^a-z])(?:id|name|url|uri|endpoint|vault|region|location|version)(?:[^a-z]|$)|[a-z](?:Id|ID|Name|Url|URL|Uri|Endpoint|Vault)(?![a-z])/i;
const NEW_FORMAT = /^[A-Za-z0-9_~.-]{3}\dQ~/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Random base64 of 32+ characters has several upper- and lower-case letters and a digit (code like `pkg.TypeName` has none). */
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
const isMixed = (s: string): boolean => count(s, /[A-Z]/g) >= 2 && count(s, /[a-z]/g) >= 2 && count(s, /[0-9]/g) >= 1;

const VALUE = '[A-Za-z0-9_~.+/=\\-]{32,90}';

const spec: SecretRuleSpec = {
  id: 'secrets/azure-named-credential',
  description: 'Azure client secret or service key assigned to an Azure-named variable',
  severity: 'high',
  confidence: 'medium',
  keywords: ['azure', 'arm_client_secret', 'arm-client-secret', 'arm_access_key', 'arm-access-key'],
  pattern: assignment(NAME, VALUE, { gap: 48, notFollowedBy: 'A-Za-z0-9_~.+/=\\-', notPrecededBy: 'A-Za-z0-9_~.+/\\-' }),
  minEntropy: 3.7,
  validate: (secret, m) => {
    const name = nameOf(m, secret).replace(/[\s"'`:=,>|]+$/, '');
    // The identifier the value is assigned to (in a provider block, other attributes precede it).
    const last = /[\w.-]*$/.exec(name)?.[0] ?? '';
    return CREDENTIAL_WORD.test(name) && !NOT_A_SECRET_NAME.test(last.replace(/^.*?(?:azure|arm)/i, '')) && !NEW_FORMAT.test(secret) && !GUID.test(secret) && isMixed(secret);
  },
  revoke: {
    provider: 'Microsoft Azure / Entra ID',
    url: 'https://portal.azure.com/',
    steps: [
      'A client secret: find the app registration (AZURE_CLIENT_ID / ARM_CLIENT_ID next to it) → Certificates & secrets, and delete it. A service key: regenerate it on the resource (Keys / Access keys / App keys).',
      'Prefer a managed identity or workload identity federation (OIDC from CI); otherwise keep the replacement in Key Vault or CI secrets with a short expiry.',
      "Review the sign-in logs (service principal sign-ins) or the resource's logs for use of the credential since the commit.",
    ],
  },
};

// `azure:\n  api_key: …`, `[azure]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['azure'], pattern: nestedSecret(['azure'], VALUE, { notFollowedBy: 'A-Za-z0-9_~.+/=\\-' }) }));

export default anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['azurerm', 'azuread'], ['client_secret'], VALUE));
