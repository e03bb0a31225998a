import rule from '../../../../src/engine/rules/secrets/twitter-api-credential.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const consumerKey = rand(25, ALNUM, 'tck');
const consumerSecret = rand(50, ALNUM, 'tcs');
const accessToken = cat(rand(19, '0123456789', 'tat1'), '-', rand(30, ALNUM, 'tat2'));
const accessSecret = rand(45, ALNUM, 'tas');

ruleTester(rule, {
  valid: [
    `consumer_key = "${consumerKey}"`, // no provider name
    `twitter_handle = "${rand(25, ALNUM, 'h')}"`, // no credential word
    `twitter_consumer_key = "${'a'.repeat(25)}"`,
    `twitter_api_key = "${rand(30, ALNUM, 'len')}"`, // no such length
    'TWITTER_API_KEY=${TWITTER_API_KEY}',
    `twitter:\n  region: ${consumerSecret}`, // nested, not a credential key
    `twitter:\n  client_id: ${consumerSecret}`, // nested, an id
    `twitter:\n  consumer_secret: ${'a'.repeat(50)}`, // nested placeholder
  ],
  invalid: [
    { code: `TWITTER_CONSUMER_KEY=${consumerKey}`, path: '.env', secret: consumerKey, count: 1 },
    { code: `twitterApiSecret := "${consumerSecret}"`, path: 'main.go', secret: consumerSecret },
    { code: `twitter_access_token: '${accessToken}'`, path: 'c.yml', secret: accessToken },
    { code: `TWITTER_ACCESS_TOKEN_SECRET = "${accessSecret}"`, path: 'a.py', secret: accessSecret },
    { code: `<twitterToken>\n  ${accessSecret}\n</twitterToken>`, path: 'a.xml', secret: accessSecret, line: 2 },
    { code: `twitter:\n  consumer_secret: ${consumerSecret}\n`, path: 'config.yml', secret: consumerSecret, count: 1 },
    { code: `[twitter]\nconsumer_secret = "${consumerSecret}"\n`, path: 'settings.toml', secret: consumerSecret },
    { code: `services:\n  - twitter:\n      consumer_secret: ${consumerSecret}\n`, path: 'config.yml', secret: consumerSecret },
  ],
});
