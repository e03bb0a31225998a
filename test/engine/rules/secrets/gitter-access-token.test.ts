import rule from '../../../../src/engine/rules/secrets/gitter-access-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'gitter');

ruleTester(rule, {
  valid: [`token = "${key}"`, `GITTER_TOKEN=${rand(39, HEX, 'g')}`, `GITTER_TOKEN=\${GITTER_TOKEN}`, `gitter_room_id = "${key}"`, `twitter_token = "${key}"`],
  invalid: [
    { code: `GITTER_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `notifications:\n  gitter_token: ${key}`, path: '.travis.yml', secret: key },
    { code: `const gitterToken = "${key}";`, path: 'bot.js', secret: key },
    { code: `{"gitter": {"token": "x"}, "gitterApiKey": "${key}"}`, path: 'config.json', secret: key },
  ],
});
