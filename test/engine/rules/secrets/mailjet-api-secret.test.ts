import rule from '../../../../src/engine/rules/secrets/mailjet-api-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const secret = rand(32, HEX, 'mailjet-secret');
const publicKey = rand(32, HEX, 'mailjet-public');

ruleTester(rule, {
  valid: [
    // The API key is the user name half of the pair.
    `MJ_APIKEY_PUBLIC=${publicKey}`,
    `MAILJET_API_KEY=${publicKey}`,
    `mailjet:\n  api_key: ${publicKey}`,
    `MAILJET_API_SECRET=${rand(31, HEX, 'mj')}`,
    `MAILJET_API_SECRET=${rand(32, 'ghijklmnopqrstuvwxyz', 'mj')}`,
    `MAILJET_API_SECRET=\${MAILJET_API_SECRET}`,
    `MAILJET_SECRET_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
    `mailjet_template_id = "${secret}"`,
    `api_secret = "${secret}"`,
    'Copy the secret key from Mailjet → Account settings → API key management into MJ_APIKEY_PRIVATE.',
  ],
  invalid: [
    { code: `MJ_APIKEY_PUBLIC=${publicKey}\nMJ_APIKEY_PRIVATE=${secret}`, path: '.env', secret, count: 1 },
    { code: `MAILJET_API_SECRET="${secret}"`, path: '.env', secret },
    { code: `mailjet:\n  api_secret: ${secret}\n  api_key: ${publicKey}`, path: 'config.yml', secret, count: 1 },
    { code: `{"mailjetSecretKey": "${secret}"}`, path: 'settings.json', secret },
    { code: `const mailjet = Mailjet.apiConnect(process.env.KEY, x);\nconst mailjetApiSecret = '${secret}';`, path: 'mail.js', secret },
    { code: `MAILJET_APIKEY_PRIVATE = '${secret}'`, path: 'settings.py', secret },
  ],
});
