import rule from '../../../../src/engine/rules/secrets/netrc-password.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../helpers/rule-tester.js';
import { cat, githubToken, rand } from '../../../helpers/tokens.js';

const pw = rand(22, undefined, 'netrc');
const tok = githubToken('ghp', 'netrc');

ruleTester(rule, {
  valid: [
    { code: 'machine github.com\n  login x-access-token\n  password $GITHUB_TOKEN\n', path: '.netrc' },
    { code: 'machine api.heroku.com login me@corp.test password <api-key>', path: '.netrc' },
    { code: 'machine ftp.corp.test login anonymous password changeme', path: '_netrc' },
    'RUN echo "machine github.com login x password ${GITHUB_TOKEN}" > ~/.netrc',
    // Prose: no host, no login.
    'The machine learning password manager stores credentials.',
    'machine learning login password protection',
  ],
  invalid: [
    { code: `machine github.com\n  login ci-bot\n  password ${tok}\n`, secret: tok, count: 1, line: 3, path: '.netrc' },
    { code: `machine ftp.partner.test login upload password ${pw}\ndefault login anonymous password guest`, secret: pw, count: 1, path: '_netrc' },
    { name: 'inline in a Dockerfile', code: `RUN echo "machine git.corp.test login build password ${pw}" > /root/.netrc`, secret: pw, path: 'Dockerfile' },
  ],
});

describe('secrets/netrc-password confidence', () => {
  it('is low on a documentation host or for a short word, high on a real host', () => {
    expect(runRule(rule, { code: `machine example.com login bob password ${pw}`, path: 'tests/data/test1646' }).map((f) => f.confidence)).toEqual(['low']);
    expect(runRule(rule, { code: cat('machine ftp.acme-corp.net login bob ', 'password alone'), path: 'tests/data/test755' }).map((f) => f.confidence)).toEqual(['low']);
    expect(runRule(rule, { code: `machine ftp.acme-corp.net login bob password ${pw}`, path: 'docs/setup.md' }).map((f) => f.confidence)).toEqual(['high']);
  });
});
