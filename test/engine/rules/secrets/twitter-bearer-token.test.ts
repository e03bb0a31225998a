import rule from '../../../../src/engine/rules/secrets/twitter-bearer-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const A = 'A'.repeat(22);
const bearer = cat(A, rand(20, ALNUM, 'tw1'), '%2F', rand(30, ALNUM, 'tw2'), '%3D', rand(40, ALNUM, 'tw3'));
const noPercent = cat(A, rand(90, ALNUM, 'tw4'));

ruleTester(rule, {
  valid: [
    `token = "${noPercent}"`, // no URL-encoding and no Twitter name
    `token = "${A}${rand(20, ALNUM, 'a')}%2F"`, // too short
    `padding = "${'A'.repeat(120)}"`,
    'TWITTER_BEARER_TOKEN=${TWITTER_BEARER_TOKEN}',
    `twitter:\n  region: ${noPercent}`, // nested, not a credential key
    `twitter:\n  client_id: ${noPercent}`, // nested, an id
    `twitter:\n  bearer_token: ${'a'.repeat(100)}`, // nested placeholder
  ],
  invalid: [
    { code: `TWITTER_BEARER_TOKEN=${bearer}`, path: '.env', secret: bearer, count: 1 },
    { code: `headers = {"Authorization": "Bearer ${bearer}"}`, path: 'a.py', secret: bearer },
    { code: `twitter_api_token = "${noPercent}"`, path: 'a.py', secret: noPercent },
    { code: `twitter:\n  x: 1\ntwitter_bearer_token: '${noPercent}'`, path: 'c.yml', secret: noPercent, line: 3 },
    { code: `twitter:\n  bearer_token: ${noPercent}\n`, path: 'config.yml', secret: noPercent, count: 1 },
    { code: `[twitter]\nbearer_token = "${noPercent}"\n`, path: 'settings.toml', secret: noPercent },
    { code: `services:\n  - twitter:\n      bearer_token: ${noPercent}\n`, path: 'config.yml', secret: noPercent },
  ],
});
