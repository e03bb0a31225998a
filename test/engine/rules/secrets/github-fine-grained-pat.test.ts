import rule from '../../../../src/engine/rules/secrets/github-fine-grained-pat.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat } from '../../../helpers/tokens.js';

const pat = cat('github_pat_', rand(22, undefined, 'fg1'), '_', rand(59, undefined, 'fg2'));
const flat = cat('github_pat_', rand(82, undefined, 'fg3'));

ruleTester(rule, {
  valid: [
    'GH_TOKEN: ${{ secrets.GH_PAT }}',
    `token = "${cat('github_pat_', 'x'.repeat(22), '_', 'x'.repeat(59))}"`,
    `token = "${cat('github_pat_', rand(22, undefined, 'short'))}"`, // truncated
    'Create a github_pat_ token under Settings → Developer settings.',
    `const prefix = "${cat('github', '_pat_')}";`,
  ],
  invalid: [
    { code: `export GH_TOKEN=${pat}`, secret: pat, count: 1 },
    { code: `{"token": "${pat}"}`, path: 'config.json', secret: pat },
    { code: `github:\n  token: ${pat}\n`, path: 'ci.yml', line: 2 },
    { code: `git clone https://x-access-token:${pat}@github.com/acme/app.git` },
    { code: `token = "${flat}"`, secret: flat, count: 1 },
  ],
});
