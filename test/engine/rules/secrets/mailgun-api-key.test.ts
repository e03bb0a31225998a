import rule from '../../../../src/engine/rules/secrets/mailgun-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, HEX, LOWER_ALNUM } from '../../../helpers/tokens.js';

const legacy = cat('ke', 'y-', rand(32, HEX, 'mgl'));
const current = cat(rand(32, HEX, 'mgc'), '-', rand(8, HEX, 'mgc2'), '-', rand(8, HEX, 'mgc3'));
const pub = cat('pub', 'key-', rand(32, HEX, 'mgp'));
const signing = rand(72, ALNUM, 'mgs');

ruleTester(rule, {
  valid: [
    `cache-${cat('ke', 'y-')}${rand(32, HEX, 'a')}`, // part of a longer name
    `key = "${cat('ke', 'y-')}${'0'.repeat(32)}"`,
    `key = "${cat('ke', 'y-')}${rand(31, LOWER_ALNUM, 'b')}"`,
    `id = "${current}"`, // the 32-8-8 shape without the name
    'MAILGUN_API_KEY=${MAILGUN_API_KEY}',
    `mailgun_domain: mg.example.org`,
    `mailgun:\n  domain: ${current}x`, // nested, not a credential key
    `mailgun:\n  api_key: ${'a'.repeat(72)}`, // nested placeholder
  ],
  invalid: [
    { code: `MAILGUN_API_KEY=${legacy}`, path: '.env', secret: legacy, count: 1 },
    { code: `const mg = mailgun.client({ username: 'api', key: '${legacy}' });`, secret: legacy },
    { code: `MAILGUN_API_KEY=${current}`, path: '.env', secret: current },
    { code: `mailgun:\n  webhook_signing_key: ${current}\n`, path: 'config.yml', secret: current },
    { code: `mailgunPubKey = "${pub}"`, secret: pub },
    { code: `<mailgunKey>\n    ${current}\n</mailgunKey>`, path: 'a.xml', secret: current, line: 2 },
    { code: `mailgun:\n  api_key: ${current}\n`, path: 'config.yml', secret: current, count: 1 },
    { code: `[mailgun]\nsigning_key = "${current}"\n`, path: 'settings.toml', secret: current },
    { code: `mailers:\n  - mailgun:\n      api_key: ${current}\n`, path: 'config.yml', secret: current },
    { code: `mailgun:\n  webhook_signing_key: ${signing}\n`, path: 'config.yml', secret: signing },
  ],
});
