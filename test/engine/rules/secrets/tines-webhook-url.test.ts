import rule from '../../../../src/engine/rules/secrets/tines-webhook-url.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const path = rand(32, HEX, 'tines-path');
const key = rand(32, HEX, 'tines-secret');

ruleTester(rule, {
  valid: [
    `url = "https://acme.tines.com/webhook/${path}"`,
    `url = "https://acme.tines.com/webhook/<path>/<secret>"`,
    `url = "https://acme.tines.com/webhook/${path}/${rand(31, HEX, 'a')}"`,
    `docs = "https://www.tines.com/docs/actions/types/webhook"`,
  ],
  invalid: [
    { code: `TINES_WEBHOOK_URL=https://acme-corp.tines.com/webhook/${path}/${key}`, path: '.env', secret: key, count: 1 },
    { code: `requests.post("https://acme.tines.com/webhook/${path}/${key}", json=alert)`, path: 'alert.py', secret: key },
    { code: `webhook: "https://tenant-1.tines.io/webhook/${path}/${key}"`, path: 'alerts.yml', secret: key },
  ],
});
