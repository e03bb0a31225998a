import rule from '../../../../src/engine/rules/secrets/infisical-service-token.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

const uuid = (seed: string): string => {
  const h = rand(32, HEX, seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
};
const tok = cat('st', '.', uuid('inf-id'), '.', rand(32, HEX, 'inf-secret'), '.', rand(32, HEX, 'inf-key'));
const mongo = cat('st', '.', rand(24, HEX, 'inf-oid'), '.', rand(32, HEX, 'inf-s2'), '.', rand(32, HEX, 'inf-k2'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    'INFISICAL_TOKEN=st.xxxx.xxxx.xxxx',
    'INFISICAL_TOKEN=<your-service-token>',
    `INFISICAL_TOKEN=${cat('st', '.', uuid('a'), '.', rand(32, HEX, 'b'))}`, // without the key part
    `INFISICAL_TOKEN=${cat('st', '.', uuid('a'), '.', rand(32, ALNUM, 'c'), '.', rand(32, HEX, 'd'))}`, // not hex
    `INFISICAL_TOKEN=${cat('st', '.', rand(10, HEX, 'e'), '.', rand(32, HEX, 'f'), '.', rand(32, HEX, 'g'))}`, // id too short
    `INFISICAL_TOKEN=${cat('st', '.', uuid('a'), '.', rand(16, HEX, 'h'), '.', rand(16, HEX, 'i'))}`, // parts too short
    `x = first.${tok}`, // part of a dotted path
    `const t = "te${tok}";`, // inside a longer identifier
    'SELECT st.shoe_id, st.color FROM stock st',
    'INFISICAL_TOKEN=${INFISICAL_TOKEN}',
  ],
  invalid: [
    { code: `INFISICAL_TOKEN=${tok}`, path: '.env', secret: tok, count: 1 },
    { code: `infisical export --token=${mongo} --env=prod`, path: 'deploy.sh', secret: mongo },
    { code: `client = InfisicalClient(token="${tok}")`, path: 'app.py', secret: tok },
    { code: `env:\n  INFISICAL_TOKEN: '${tok}'\n`, path: 'docker-compose.yml', secret: tok, line: 2 },
  ],
});
