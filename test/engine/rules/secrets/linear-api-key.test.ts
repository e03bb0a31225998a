import rule from '../../../../src/engine/rules/secrets/linear-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX } from '../../../helpers/tokens.js';

const key = cat('lin', '_api_', rand(40, ALNUM, 'lin'));
const oauth = cat('lin', '_oauth_', rand(64, HEX, 'lino'));
const clientSecret = rand(32, HEX, 'lins');

ruleTester(rule, {
  valid: [
    `key = "${cat('lin', '_api_')}${rand(30, ALNUM, 'a')}"`,
    `key = "${cat('lin', '_api_')}${'x'.repeat(40)}"`,
    `background: linear-gradient(#${rand(6, HEX, 'b')}, #${rand(6, HEX, 'c')});`,
    `linear_team_id = "${clientSecret}"`, // no credential word
    'LINEAR_API_KEY=${LINEAR_API_KEY}',
    `linear:\n  region: ${clientSecret}`, // nested, not a credential key
    `linear:\n  client_id: ${clientSecret}`, // nested, an id
    `linear:\n  client_secret: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `LINEAR_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const client = new LinearClient({ apiKey: "${key}" });`, secret: key },
    { code: `headers: { Authorization: "Bearer ${oauth}" }`, secret: oauth },
    { code: `LINEAR_CLIENT_SECRET=${clientSecret}`, path: '.env', secret: clientSecret },
    { code: `linear:\n  client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret, count: 1 },
    { code: `[linear]\nclient_secret = "${clientSecret}"\n`, path: 'settings.toml', secret: clientSecret },
    { code: `services:\n  - linear:\n      client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret },
  ],
});
