/**
 * A Google Tink keyset in clear text (JSON): each key's `keyData.value` is the serialized key material,
 * for `keyMaterialType` SYMMETRIC (AEAD, MAC, streaming keys) or ASYMMETRIC_PRIVATE (signing, hybrid
 * decryption). Tink's own writer puts `typeUrl`, `value` and `keyMaterialType` in that order; a keyset
 * encrypted with a KMS key (`encryptedKeyset`) and public keysets (ASYMMETRIC_PUBLIC) are not secrets.
 */
import { defineSecretRule } from './define.js';

export default defineSecretRule({
  id: 'secrets/tink-cleartext-keyset',
  description: 'Google Tink keyset with secret key material in clear text',
  severity: 'high',
  keywords: ['google.crypto.tink'],
  scope: 'file',
  pattern:
    /"typeUrl"\s{0,20}:\s{0,20}"type\.googleapis\.com\/google\.crypto\.tink\.[A-Za-z0-9]{1,60}"\s{0,20},\s{0,20}"value"\s{0,20}:\s{0,20}"(?<secret>[A-Za-z0-9+/]{16,8000}={0,2})"\s{0,20},\s{0,20}"keyMaterialType"\s{0,20}:\s{0,20}"(?:SYMMETRIC|ASYMMETRIC_PRIVATE)"/g,
  placeholders: 'off',
  revoke: {
    provider: 'Google Tink (self-managed keys)',
    url: 'https://developers.google.com/tink/key-management-overview',
    steps: [
      'Add a new key to the keyset and make it primary (`tinkey rotate-keyset`); data encrypted or signed with the old key stays readable until you re-encrypt it and disable the old key.',
      'Re-encrypt the data protected by the leaked key, then disable and destroy it in the keyset.',
      'Store the keyset encrypted under a KMS key (`tinkey … --master-key-uri`) rather than in clear text.',
    ],
  },
});
