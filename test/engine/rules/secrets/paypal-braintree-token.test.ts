import rule from '../../../../src/engine/rules/secrets/paypal-braintree-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM, B64URL } from '../../../helpers/tokens.js';

const access = cat('access', '_token$production$', rand(16, LOWER_ALNUM, 'bt1'), '$', rand(32, HEX, 'bt2'));
const privateKey = rand(32, HEX, 'btpk');
const paypalSecret = cat('E', rand(79, B64URL, 'pps'));

ruleTester(rule, {
  valid: [
    `token = "${cat('access', '_token$production$')}${rand(16, LOWER_ALNUM, 'a')}"`, // truncated
    `braintree_merchant_id = "${rand(16, LOWER_ALNUM, 'b')}"`, // an id
    `private_key = "${privateKey}"`, // no provider name
    `paypal_client_id = "${paypalSecret}"`, // names an id
    'BRAINTREE_PRIVATE_KEY=${BRAINTREE_PRIVATE_KEY}',
    `paypal_secret = "${'x'.repeat(80)}"`,
    `paypal:\n  region: ${paypalSecret}`, // nested, not a credential key
    `paypal:\n  client_id: ${paypalSecret}`, // nested, an id
    `paypal:\n  client_secret: ${'a'.repeat(60)}`, // nested placeholder
    `paypal:\n  client_id: ${paypalSecret}`, // nested, the public client id
    `braintree:\n  merchant_id: ${privateKey}`, // nested, an id
  ],
  invalid: [
    { code: `BRAINTREE_ACCESS_TOKEN=${access}`, path: '.env', secret: access, count: 1 },
    { code: `gateway = braintree.BraintreeGateway(access_token="${access}")`, path: 'pay.py', secret: access },
    { code: `braintreeKey := "${privateKey}"`, path: 'main.go', secret: privateKey },
    { code: `BRAINTREE_PRIVATE_KEY: ${privateKey}`, path: 'config.yml', secret: privateKey },
    { code: `PAYPAL_CLIENT_SECRET=${paypalSecret}`, path: '.env', secret: paypalSecret },
    { code: `paypal:\n  client_secret: ${paypalSecret}\n`, path: 'config.yml', secret: paypalSecret, count: 1 },
    { code: `[paypal]\nclient_secret = "${paypalSecret}"\n`, path: 'settings.toml', secret: paypalSecret },
    { code: `services:\n  - paypal:\n      client_secret: ${paypalSecret}\n`, path: 'config.yml', secret: paypalSecret },
  ],
});
