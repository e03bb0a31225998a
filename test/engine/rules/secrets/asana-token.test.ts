import rule from '../../../../src/engine/rules/secrets/asana-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const D = '0123456789';
const pat = cat('2/', rand(16, D, 'asu'), '/', rand(16, D, 'asa'), ':', rand(32, HEX, 'ash'));
const legacy = cat('0/', rand(32, HEX, 'asl'));
const clientSecret = rand(32, ALNUM, 'ass');

ruleTester(rule, {
  valid: [
    `token = "${pat}"`, // no Asana on the line
    `asana: see https://developers.asana.com/docs/personal-access-token`,
    `asana_token = "${cat('2/', rand(8, D, 'a'), '/', rand(8, D, 'b'), ':', rand(32, HEX, 'c'))}"`, // ids too short
    `asana_client_secret = "${'x'.repeat(32)}"`,
    'ASANA_ACCESS_TOKEN=${ASANA_ACCESS_TOKEN}',
    `asana:\n  region: ${clientSecret}`, // nested, not a credential key
    `asana:\n  client_id: ${clientSecret}`, // nested, an id
    `asana:\n  client_secret: ${'a'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `ASANA_ACCESS_TOKEN=${pat}`, path: '.env', secret: pat, count: 1 },
    { code: `client = asana.Client.access_token('${legacy}')`, path: 'a.py', secret: legacy },
    { code: `# asana\nAUTH="Bearer ${pat}"`, path: 'a.sh', secret: pat, line: 2 },
    { code: `ASANA_CLIENT_SECRET=${clientSecret}`, path: '.env', secret: clientSecret },
    { code: `asana:\n  client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret, count: 1 },
    { code: `[asana]\nclient_secret = "${clientSecret}"\n`, path: 'settings.toml', secret: clientSecret },
    { code: `services:\n  - asana:\n      client_secret: ${clientSecret}\n`, path: 'config.yml', secret: clientSecret },
  ],
});
