import rule from '../../../../src/engine/rules/secrets/finicity-credential.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, ALNUM } from '../../../helpers/tokens.js';

const key = rand(32, HEX, 'finicity-app');
const secret = rand(20, ALNUM, 'finicity-secret');

ruleTester(rule, {
  valid: [`app_key = "${key}"`, `FINICITY_APP_KEY=${rand(31, HEX, 'f')}`, `FINICITY_APP_KEY=\${FINICITY_APP_KEY}`, `finicity_customer_id = "${key}"`, `FINICITY_PARTNER_SECRET="<partner secret>"`],
  invalid: [
    { code: `FINICITY_APP_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `FINICITY_PARTNER_SECRET=${secret}`, path: '.env', secret: secret },
    { code: `curl -H "Finicity-App-Key: ${key}" https://api.finicity.com/aggregation/v2/partners/authentication`, path: 'token.sh', secret: key },
    { code: `finicity:\n  partner_secret: "${secret}"`, path: 'application.yml', secret: secret },
    { code: `{"finicityAppKey": "${key}"}`, path: 'bank.json', secret: key },
  ],
});
