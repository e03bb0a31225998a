import { defineSecretRule } from './define.js';

/**
 * Appwrite project API keys: `standard_` and 128 random bytes in lower-case hex (256 characters). Shape
 * from Appwrite's server, which creates them as `API_KEY_STANDARD . '_' . bin2hex(random_bytes(128))`
 * (appwrite/appwrite, src/Appwrite/Platform/Modules/Project/Http/Project/Keys/Create.php). Ephemeral
 * keys (`ephemeral_` and a short-lived JWT) are left to the JWT rule.
 */
export default defineSecretRule({
  id: 'secrets/appwrite-api-key',
  description: 'Appwrite API key',
  severity: 'high',
  keywords: ['standard_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>standard_[0-9a-f]{256})(?![A-Za-z0-9_-])/g,
  minEntropy: 3.5,
  message: "Appwrite API key committed to the repository: it acts on the project's databases, storage, users and functions with the scopes it was given.",
  revoke: {
    provider: 'Appwrite',
    url: 'https://cloud.appwrite.io/console',
    steps: [
      'In the Appwrite Console, open the project → Overview → Integrations → API keys, and delete the key.',
      'Review the project’s users, databases, storage and functions for changes since the commit, within the scopes the key had.',
      'Create a replacement with only the scopes the server needs and an expiration date, and store it as a secret.',
    ],
  },
});
