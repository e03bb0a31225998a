import rule from '../../../../src/engine/rules/secrets/appwrite-api-key.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const P = cat('stand', 'ard_');
const key = cat(P, rand(256, HEX, 'appwrite'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `APPWRITE_API_KEY=${P}<YOUR_API_KEY>`,
    `APPWRITE_API_KEY=${P}${'x'.repeat(256)}`,
    `APPWRITE_API_KEY=${P}${'0'.repeat(256)}`,
    `APPWRITE_API_KEY=${P}${rand(128, HEX, 'short')}`, // too short
    `APPWRITE_API_KEY=${P}${rand(256, ALNUM, 'alnum')}`, // not hex
    `APPWRITE_API_KEY=${P}${rand(300, HEX, 'long')}`, // too long
    `const v = "non${P}${rand(256, HEX, 'glued')}";`, // inside a longer identifier
    `sha = "${rand(256, HEX, 'bare')}"`, // hex without the prefix
    'APPWRITE_API_KEY=${APPWRITE_API_KEY}',
  ],
  invalid: [
    { code: `APPWRITE_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo').setKey('${key}');`, path: 'server.ts', secret: key },
    { code: `client.set_key("${key}")`, path: 'app.py', secret: key },
  ],
});
