import rule from '../../../../src/engine/rules/secrets/pagerduty-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX } from '../../../helpers/tokens.js';

const userKey = cat('u', '+', rand(18, ALNUM, 'pdu'));
const accountKey = rand(20, ALNUM, 'pda');
const routing = rand(32, HEX, 'pdr');

ruleTester(rule, {
  valid: [
    `api_key = "${accountKey}"`, // no provider name
    `pagerduty_service_id = "P${rand(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'a')}"`,
    `pagerduty_token = "${'x'.repeat(20)}"`,
    'PAGERDUTY_TOKEN=${PAGERDUTY_TOKEN}',
    `pagerduty:\n  service_id: ${accountKey}`, // nested, not a credential key
    `pagerduty:\n  api_key: ${'x'.repeat(20)}`, // nested placeholder
  ],
  invalid: [
    { code: `PAGERDUTY_TOKEN=${accountKey}`, path: '.env', secret: accountKey, count: 1 },
    { code: `pagerdutyapikey token = '${userKey}'`, secret: userKey },
    { code: `pagerduty_integration_key: ${routing}`, path: 'alerts.yml', secret: routing },
    { code: `provider "pagerduty" {\n  token = "${accountKey}"\n}\npagerduty_api_key = "${userKey}"`, path: 'main.tf', secret: userKey, line: 4 },
    { code: `pagerduty:\n  api_key: ${accountKey}\n`, path: 'config.yml', secret: accountKey, count: 1 },
    { code: `[pagerduty]\nrouting_key = "${routing}"\n`, path: 'settings.toml', secret: routing },
    { code: `receivers:\n  - pagerduty:\n      user_token: ${userKey}\n`, path: 'config.yml', secret: userKey },
  ],
});
