import { createHash } from 'node:crypto';
import { defineSecretRule } from './define.js';
import { ci, spellings } from './lib/assignment.js';
import { withNextLine } from './lib/next-line.js';

/**
 * Storage account (and Cosmos DB) keys are 64 random bytes: 86 base64 characters and `==`. Any such
 * string is not a key, so the name must be near: `AccountKey=` in a connection string, or a name like
 * storageAccountKey / ACCOUNT_KEY / primaryKey / cosmosKey within a few characters (or the next line).
 */
const NAME = `(?:${ci('account')}|${ci('storage')}|${ci('access')}|${ci('primary')}|${ci('secondary')}|${ci('master')}|${ci('cosmos')}(?:${ci('db')})?)[_.\\-]?${ci('key')}`;

/** SHA-256 of the keys of the local emulators (Azurite / storage emulator, Cosmos DB emulator): public. */
const EMULATOR_KEYS = new Set(['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059', 'aa6547439583c3a275d4542a0df6c1ad6a863971be9f2a2220f027cc02aef615']);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export default withNextLine(
  defineSecretRule({
    id: 'secrets/azure-storage-account-key',
    description: 'Azure Storage account or Cosmos DB account key',
    severity: 'critical',
    confidence: 'high',
    keywords: spellings([['account', 'storage', 'access', 'primary', 'secondary', 'master', 'cosmos', 'cosmosdb'], ['key']]),
    pattern: new RegExp(`${NAME}[^\\n]{0,40}?\\n?[^\\n]{0,40}?(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])`, 'g'),
    minEntropy: 4.5,
    validate: (secret) => !EMULATOR_KEYS.has(sha256(secret)),
    revoke: {
      provider: 'Microsoft Azure',
      url: 'https://portal.azure.com/#browse/Microsoft.Storage%2FStorageAccounts',
      steps: [
        'Rotate the key: Storage account → Security + networking → Access keys → Rotate key (or `az storage account keys renew --key primary|secondary`); for Cosmos DB, Keys → Regenerate.',
        'Switch clients to the other key or, better, to Microsoft Entra ID (managed identity) and disable shared-key access.',
        'Check the storage / Cosmos DB diagnostic logs for access with the key since the commit; SAS tokens signed with it die with the rotation.',
      ],
    },
  }),
);
