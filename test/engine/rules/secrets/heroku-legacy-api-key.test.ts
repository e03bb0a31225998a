import rule from '../../../../src/engine/rules/secrets/heroku-legacy-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => `${rand(8, HEX, `${seed}1`)}-${rand(4, HEX, `${seed}2`)}-${rand(4, HEX, `${seed}3`)}-${rand(4, HEX, `${seed}4`)}-${rand(12, HEX, `${seed}5`)}`;
const u1 = uuid('hk-a');
const u2 = uuid('hk-b').toUpperCase();
const u3 = uuid('hk-c');

ruleTester(rule, {
  valid: [
    `provider "heroku" {\n  api_key = var.api_key\n}\nvariable "other" {\n  default = "${u1}"\n}`, // a variable, and the value outside the block
    `HEROKU_APP_ID=${u1}`, // an app ID, not a key
    `herokuTeamId: "${u1}"`,
    `API_KEY=${u1}`, // no Heroku name
    'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
    `HEROKU_API_KEY=${u1.slice(0, -1)}`,
    'HEROKU_API_KEY=${HEROKU_API_KEY}',
    `heroku_region: eu`,
    `heroku:\n  app_id: ${u1}`, // nested, an identifier
    `heroku:\n  team: ${u1}`, // nested, not a credential key
  ],
  invalid: [
    { code: `provider "heroku" {\n  region = "eu-1"\n  api_key = "${u1}"\n}`, path: 'providers.tf', secret: u1, line: 3, count: 1 },
    { code: `HEROKU_API_KEY=${u1}`, path: '.env', secret: u1, count: 1 },
    { code: `const HEROKU_KEY = "${u2}";`, path: 'deploy.js', secret: u2 },
    { code: `{\n  "heroku_secret": "${u3}"\n}`, path: 'secrets.json', secret: u3, line: 2 },
    { code: `<herokuToken>\n    ${u1}\n</herokuToken>`, path: 'config.xml', secret: u1, line: 2 },
    { code: `System.setProperty("HEROKU_TOKEN", "${u3}")`, path: 'App.java', secret: u3 },
    { code: `HEROKU_TOKEN ?= "${u1}"`, path: 'Makefile', secret: u1 },
    { code: `heroku:\n  api_key: ${u1}\n`, path: 'config.yml', secret: u1, count: 1 },
    { code: `[heroku]\napi_key = "${u3}"\n`, path: 'settings.toml', secret: u3 },
    { code: `deploy:\n  - heroku:\n      api_token: ${u2}\n`, path: 'config.yml', secret: u2 },
  ],
});
