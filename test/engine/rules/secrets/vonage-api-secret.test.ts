import rule from '../../../../src/engine/rules/secrets/vonage-api-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const secret = rand(16, ALNUM, 'vonage');
const apiKey = rand(8, HEX, 'vonage-key');

ruleTester(rule, {
  valid: [
    // The API key is the account's id.
    `VONAGE_API_KEY=${apiKey}`,
    `nexmo:\n  api_key: ${apiKey}`,
    `VONAGE_API_SECRET=${rand(15, ALNUM, 'v')}`,
    `VONAGE_API_SECRET=${rand(17, ALNUM, 'v')}`,
    `VONAGE_API_SECRET=\${VONAGE_API_SECRET}`,
    `VONAGE_API_SECRET=abcdefghijklmnop`,
    `VONAGE_APPLICATION_ID=${secret}`,
    `api_secret = "${secret}"`,
    'Find your API key and API secret at the top of the Vonage API Dashboard and export VONAGE_API_SECRET.',
  ],
  invalid: [
    { code: `VONAGE_API_KEY=${apiKey}\nVONAGE_API_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `NEXMO_API_SECRET="${secret}"`, path: '.env', secret },
    { code: `vonage:\n  api_secret: "${secret}"\n  api_key: "${apiKey}"`, path: 'config.yml', secret, count: 1 },
    { code: `{"nexmoApiSecret": "${secret}"}`, path: 'config.json', secret },
    { code: `const vonage = new Vonage({ apiKey: '${apiKey}', apiSecret: x });\nconst vonageSecret = '${secret}';`, path: 'sms.js', secret },
  ],
});
