import rule from '../../../../src/engine/rules/secrets/rubygems-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, LOWER_ALNUM, ALNUM } from '../../../helpers/tokens.js';

const P = cat('ruby', 'gems_');
const key = P + rand(48, HEX, 'rubygems');
const alnumKey = P + rand(48, LOWER_ALNUM, 'rubygems-alnum');

ruleTester(rule, {
  valid: [
    `key = "${P}${rand(40, HEX, 'short')}"`, // too short
    `key = "${P}${rand(56, HEX, 'long')}"`, // too long
    `key = "${P}${rand(48, ALNUM, 'upper').toUpperCase()}"`, // upper case: not the format
    `key = "${P}${'0'.repeat(48)}"`,
    'GEM_HOST_API_KEY=${{ secrets.RUBYGEMS_API_KEY }}',
    `require "${P.slice(0, -1)}/package"`,
  ],
  invalid: [
    { code: `---\n:rubygems_api_key: ${key}\n`, path: '.gem/credentials', secret: key, line: 2, count: 1 },
    { code: `GEM_HOST_API_KEY=${key}`, path: '.env', secret: key },
    { code: `ENV["GEM_HOST_API_KEY"] = "${alnumKey}"`, path: 'Rakefile', secret: alnumKey },
    { code: `curl -H "Authorization:${key}" https://rubygems.org/api/v1/gems`, path: 'release.sh', secret: key },
  ],
});
