import rule from '../../../../src/engine/rules/secrets/gocardless-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('live', '_', rand(40, B64URL, 'gocardless'));
const sandbox = cat('sandbox', '_', rand(40, B64URL, 'gc-sandbox'));

ruleTester(rule, {
  valid: [
    `access_token = "${key}"`,
    `GOCARDLESS_ACCESS_TOKEN=live_${rand(39, B64URL, 'g')}`,
    `GOCARDLESS_ACCESS_TOKEN=\${GOCARDLESS_ACCESS_TOKEN}`,
    `GOCARDLESS_ENVIRONMENT=live`,
    `GOCARDLESS_ACCESS_TOKEN=${rand(46, B64URL, 'h')}`,
  ],
  invalid: [
    { code: `GOCARDLESS_ACCESS_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `GOCARDLESS_TOKEN=${sandbox}`, path: '.env.test', secret: sandbox },
    { code: `@client = GoCardlessPro::Client.new(access_token: "${key}", environment: :live)`, path: 'payments.rb', secret: key },
    { code: `client = gocardless_pro.Client(access_token="${key}", environment="live")`, path: 'billing.py', secret: key },
    { code: `gocardless:\n  access_token: ${key}`, path: 'config/secrets.yml', secret: key },
  ],
});
