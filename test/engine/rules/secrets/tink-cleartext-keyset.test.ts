import { randomBytes } from 'node:crypto';
import rule from '../../../../src/engine/rules/secrets/tink-cleartext-keyset.js';
import { ruleTester } from '../../../helpers/rule-tester.js';

const value = randomBytes(34).toString('base64');
const keyset = (type: string, material: string, v = value): string =>
  JSON.stringify(
    {
      primaryKeyId: 1931667682,
      key: [{ keyData: { typeUrl: `type.googleapis.com/google.crypto.tink.${type}`, value: v, keyMaterialType: material }, status: 'ENABLED', keyId: 1931667682, outputPrefixType: 'TINK' }],
    },
    null,
    2,
  );

ruleTester(rule, {
  valid: [
    { code: keyset('EcdsaPublicKey', 'ASYMMETRIC_PUBLIC'), path: 'public_keyset.json' },
    { code: JSON.stringify({ encryptedKeyset: randomBytes(120).toString('base64'), keysetInfo: { primaryKeyId: 1 } }), path: 'encrypted_keyset.json' },
    { code: 'KEYSET_TYPE_URL = "type.googleapis.com/google.crypto.tink.AesGcmKey"', path: 'constants.py' },
  ],
  invalid: [
    { code: keyset('AesGcmKey', 'SYMMETRIC'), path: 'keyset.json', secret: value, line: 7 },
    { code: keyset('HmacKey', 'SYMMETRIC'), path: 'testdata/hmac_keyset.json', secret: value },
    { code: keyset('Ed25519PrivateKey', 'ASYMMETRIC_PRIVATE'), path: 'signing_keyset.json', secret: value },
    { code: JSON.stringify(JSON.parse(keyset('AesSivKey', 'SYMMETRIC'))), path: 'config/keyset.json', secret: value, name: 'one line' },
  ],
});
