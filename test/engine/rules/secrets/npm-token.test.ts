import { describe, expect, it } from 'vitest';
import rule from '../../../../src/engine/rules/secrets/npm-token.js';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { npmToken, rand, cat, ALNUM, LOWER_ALNUM } from '../../../helpers/tokens.js';

const token = npmToken();
const other = npmToken('other');
// Right shape, broken checksum (as in most peers' fixtures): still reported, at medium confidence.
const unverified = cat('np', 'm_', rand(36, LOWER_ALNUM, 'npm-lower'));
const P = cat('np', 'm_');

ruleTester(rule, {
  valid: [
    `const t = "${P}${rand(30, ALNUM, 'short')}";`, // too short
    `const t = "${P}${rand(40, ALNUM, 'long')}";`, // too long
    `const t = "${P}${'x'.repeat(36)}";`,
    `export ${P}configregistryauthtokenforpublishing=1`, // letters only: an identifier
    `const t = "my${token}";`, // glued to a word
    'NPM_TOKEN=${{ secrets.NPM_TOKEN }}',
    '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
  ],
  invalid: [
    { code: `//registry.npmjs.org/:_authToken=${token}`, path: '.npmrc', secret: token, count: 1 },
    { code: `env:\n  NODE_AUTH_TOKEN: ${token}\n`, path: '.github/workflows/release.yml', secret: token, line: 2 },
    { code: `{"npmToken": "${other}"}`, path: 'config.json', secret: other },
    { code: `RUN echo "//registry.npmjs.org/:_authToken=${token}" > ~/.npmrc`, path: 'Dockerfile', secret: token },
    { code: `npm_api_token = "${unverified}"`, path: 'settings.py', secret: unverified },
    { code: `export NPM_TOKEN=${token}`, path: 'publish.sh', secret: token },
  ],
});

describe('secrets/npm-token checksum', () => {
  it('is certain only when the CRC-32 verifies', () => {
    expect(runRule(rule, { code: `t = "${token}"` }).map((f) => f.confidence)).toEqual(['high']);
    expect(runRule(rule, { code: `t = "${unverified}"` }).map((f) => f.confidence)).toEqual(['medium']);
  });
});
