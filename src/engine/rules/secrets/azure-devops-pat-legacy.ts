import { defineSecretRule, type SecretRuleSpec } from './define.js';
import { assignment, names } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';
import { terraformProvider } from './lib/terraform.js';
import { nestedSecret } from './lib/keyed-secret.js';
import { anyOf, refine } from './lib/refine.js';

/**
 * Azure DevOps PATs before 2024 are 52 lower-case base32 characters (32 random bytes) with no marker, so
 * they are found by name (AZURE_DEVOPS_PAT, AZDO_TOKEN, VSTS_PAT, azure_key …). A digit is required: base32
 * of random bytes almost always has one, identifiers and words do not. Any digit is matched, and one that
 * base32 never writes grades the finding low.
 */
const VALUE = '[a-z0-9]{52}';

const spec: SecretRuleSpec = {
  id: 'secrets/azure-devops-pat-legacy',
  description: 'Azure DevOps personal access token (52-character format) assigned to an Azure-named variable',
  severity: 'critical',
  confidence: 'medium',
  keywords: ['azure', 'devops', 'azdo', 'vsts'],
  pattern: assignment(names('azure', 'devops', 'azdo', 'vsts'), VALUE),
  minEntropy: 3.8,
  validate: (secret) => /[0-9]/.test(secret) && /[a-z]/.test(secret),
  revoke: {
    provider: 'Azure DevOps',
    url: 'https://dev.azure.com/_usersSettings/tokens',
    steps: [
      "Revoke the token under User settings → Personal access tokens (organisation admins can revoke any user's PAT via the PAT revocation API).",
      'Create a replacement in the new 84-character format with the fewest scopes and a short expiry, or use a service principal / managed identity.',
      "Review the organisation's auditing log for activity with the token since the commit.",
    ],
  },
};

// `azure:\n  api_key: …`, `[azure]\napi_key = …`: the provider as the parent key, a credential-named key under it.
const nested = withNextLine(defineSecretRule({ ...spec, keywords: ['azure', 'devops', 'azdo', 'vsts'], pattern: nestedSecret(['azure', 'devops', 'azdo', 'vsts'], VALUE) }));

const found = anyOf(withNextLine(defineSecretRule(spec)), nested, terraformProvider(spec, ['azuredevops'], ['personal_access_token'], VALUE));

// The token is base32 of 32 random bytes (`a`–`z`, `2`–`7`): a value with 0, 1, 8 or 9 in it is no token as
// written (an example typed by hand, or a real one with characters changed): reported low.
export default refine(found, (f) =>
  f.secret === undefined || /^[a-z2-7]+$/.test(f.secret)
    ? f
    : { ...f, confidence: 'low', message: `${f.message.replace(/\.$/, '')} (it has characters base32 never writes, 0, 1, 8 or 9: not a token as written).` },
);
