import rule from '../../../../src/engine/rules/secrets/authress-service-client-access-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, LOWER_ALNUM, B64 } from '../../../helpers/tokens.js';

const key = cat('sc_', rand(12, LOWER_ALNUM, 'au1'), '.', rand(5, LOWER_ALNUM, 'au2'), '.acc', '_', rand(16, LOWER_ALNUM, 'au3'), '.MC4CAQAwBQYDK2VwBCIEI', rand(22, B64, 'au4'));

ruleTester(rule, {
  valid: [
    `const url = "https://login.example.com/.acc_settings"`,
    `key = "sc_${rand(12, LOWER_ALNUM, 'x')}.${rand(5, LOWER_ALNUM, 'y')}.acc_${rand(16, LOWER_ALNUM, 'z')}"`,
    `AUTHRESS_KEY=\${AUTHRESS_KEY}`,
    `version = "sc_1.2.acc_notes.md"`,
  ],
  invalid: [
    { code: `AUTHRESS_SERVICE_CLIENT_ACCESS_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const authressClient = new AuthressClient({ authressApiUrl }, '${key}');`, path: 'auth.ts', secret: key },
    { code: `authress:\n  access_key: "${key}"`, path: 'config.yml', secret: key },
    { code: `{"accessKey": "${key}"}`, path: 'service.json', secret: key },
  ],
});
