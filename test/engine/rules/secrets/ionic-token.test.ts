import rule from '../../../../src/engine/rules/secrets/ionic-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const P = cat('io', 'n_');
const token = P + rand(42, ALNUM, 'ionic');

ruleTester(rule, {
  valid: [
    `IONIC_TOKEN=${P}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
    `const version_${P}${rand(42, ALNUM, 'glued')} = 1;`, // inside an identifier
    `token = "${P}${rand(42, LOWER_ALNUM, 'lower')}"`, // one case: an identifier, not this format
    `token = "${P}${rand(30, ALNUM, 'short')}"`,
    `function_${'a'.repeat(10)}()`,
  ],
  invalid: [
    { code: `IONIC_TOKEN=${token}`, path: '.env', secret: token, count: 1, severity: 'high' },
    { code: `- run: ionic login --token ${token}`, path: '.github/workflows/build.yml', secret: token },
    { code: `{"ionicToken": "${token}"}`, path: 'config.json', secret: token },
  ],
});
