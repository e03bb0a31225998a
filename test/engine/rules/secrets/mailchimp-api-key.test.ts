import rule from '../../../../src/engine/rules/secrets/mailchimp-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX } from '../../../helpers/tokens.js';

const key = cat(rand(32, HEX, 'mc'), '-us', '18');
const key2 = cat(rand(32, HEX, 'mc2'), '-us', '6');

ruleTester(rule, {
  valid: [
    `key = "${rand(32, HEX, 'a')}-2"`, // no datacentre
    `key = "${rand(32, HEX, 'b')}-al32"`,
    `key = "${rand(32, HEX, 'c').toUpperCase()}-us2"`, // upper case
    `key = "${rand(15, HEX, 'd')}-us2"`, // too short
    `key = "${'0'.repeat(32)}-us1"`,
    'MAILCHIMP_API_KEY=${MAILCHIMP_API_KEY}',
    `locale = "en-us"`,
  ],
  invalid: [
    { code: `MAILCHIMP_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `mailchimp.setConfig({ apiKey: "${key2}", server: "us6" });`, secret: key2 },
    { code: `mailchimp:\n  api_key: '${key}'\n`, path: 'config.yml', secret: key, line: 2 },
    { code: `curl --user "anystring:${key}" https://us18.api.mailchimp.com/3.0/`, path: 'a.sh', secret: key },
  ],
});
