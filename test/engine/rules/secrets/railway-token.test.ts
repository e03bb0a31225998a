import rule from '../../../../src/engine/rules/secrets/railway-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => `${rand(8, HEX, `${seed}1`)}-${rand(4, HEX, `${seed}2`)}-${rand(4, HEX, `${seed}3`)}-${rand(4, HEX, `${seed}4`)}-${rand(12, HEX, `${seed}5`)}`;
const t = uuid('rw-1');
const t2 = uuid('rw-2');

ruleTester(rule, {
  valid: [
    `RAILWAY_PROJECT_ID=${t}`, // an identifier
    `railwayEnvironmentId: "${t}"`,
    `TOKEN=${t}`, // no Railway name
    `railway = '${t.replace(/^./, 'g')}'`, // not hex
    'RAILWAY_TOKEN=${RAILWAY_TOKEN}',
    `railway:\n  region: ${t}`, // nested, not a credential key
    `railway:\n  client_id: ${t}`, // nested, an id
    `railway:\n  token: ${'0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12)}`, // nested placeholder
    `railway:\n  project_id: ${t}`, // nested, an id
  ],
  invalid: [
    { code: `RAILWAY_TOKEN=${t}`, path: '.env', secret: t, count: 1 },
    { code: `railwayapp token = '${t2} | ${t2}'`, secret: t2, count: 1 },
    { code: `railway = '${t}'`, secret: t },
    { code: `env:\n  RAILWAY_API_TOKEN: ${t2}\n`, path: '.github/workflows/deploy.yml', secret: t2, line: 2 },
    { code: `railway:\n  token: ${t}\n`, path: 'config.yml', secret: t, count: 1 },
    { code: `[railway]\ntoken = "${t}"\n`, path: 'settings.toml', secret: t },
    { code: `services:\n  - railway:\n      token: ${t}\n`, path: 'config.yml', secret: t },
  ],
});
