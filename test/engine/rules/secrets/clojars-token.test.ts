import rule from '../../../../src/engine/rules/secrets/clojars-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const token = cat('CLO', 'JARS_') + rand(60, LOWER_ALNUM, 'clojars');
const mixed = cat('CLO', 'JARS_') + rand(60, ALNUM, 'clojars-mixed');

ruleTester(rule, {
  valid: [
    `CLOJARS_PASSWORD=${cat('CLO', 'JARS_')}${rand(40, LOWER_ALNUM, 'short')}`, // too short
    `CLOJARS_PASSWORD=${cat('CLO', 'JARS_')}${'0'.repeat(60)}`,
    `export ${cat('CLO', 'JARS_')}USERNAME=acme`,
    'CLOJARS_PASSWORD=${CLOJARS_DEPLOY_TOKEN}',
  ],
  invalid: [
    { code: `CLOJARS_PASSWORD=${token}`, path: '.env', secret: token, count: 1 },
    { code: `:repositories [["clojars" {:url "https://repo.clojars.org" :username "acme" :password "${mixed}"}]]`, path: 'project.clj', secret: mixed },
    { code: `env:\n  CLOJARS_TOKEN: ${token}\n`, path: '.github/workflows/release.yml', secret: token, line: 2 },
  ],
});
