import rule from '../../../../src/engine/rules/secrets/ibm-cloudant-credentials.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const pw = rand(64, HEX, 'cl-pw');
const apiKey = rand(24, LETTERS, 'cl-key');

ruleTester(rule, {
  valid: [
    `https://acct:${pw}.cloudant.com`, // not a credential URL
    `https://acct:${pw}@example.com`, // credentials for another host
    'cloudant_password = "a-fake-tooshort-key"',
    'cl_api_key = "a-fake-api-key"',
    `openssl_pw = "${pw}"`, // ssl_pw, not a Cloudant name
    `cloudant_password = "${'a'.repeat(64)}"`,
  ],
  invalid: [
    { code: `url = "https://acct:${pw}@acct.cloudant.com/_api/v2/"`, secret: pw, count: 1 },
    { code: `https://acct:${apiKey}@acct.cloudant.com`, secret: apiKey },
    { code: `cloudant_password='${pw}'`, path: 'settings.py', secret: pw },
    { code: `clou_pw = "${pw}"`, secret: pw },
    { code: `cloudant_key = "${apiKey}"`, secret: apiKey },
  ],
});
