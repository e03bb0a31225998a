import rule from '../../../../src/engine/rules/secrets/npmrc-auth.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { B64, HEX, npmToken, rand } from '../../../helpers/tokens.js';

const uuid = [rand(8, HEX, 'u1'), rand(4, HEX, 'u2'), rand(4, HEX, 'u3'), rand(4, HEX, 'u4'), rand(12, HEX, 'u5')].join('-');
const tok = npmToken('npmrc');
const basic = Buffer.from(`ci-bot:${rand(16, undefined, 'npmpw')}`).toString('base64');
const legacy = rand(37, undefined, 'gpr');

ruleTester(rule, {
  valid: [
    // A parser's tests: constants' names, short values, a phrase, a prefix with no body, base64 of `user:pass`.
    { code: '//registry.npmjs.org/:_authToken=AGNOSTIC\n//npm.pkg.github.com/:_authToken=A_TOKEN\n', path: 'src/npmrc_test.rs' },
    { code: '//registry.example.org/:_authToken=ABC123\n//gitlab.example.org/api/v4/packages/npm/:_authToken=glpat-x\n', path: 'src/route.rs' },
    { code: '//registry.npmjs.org/:_authToken=npmrc-fallback-token', path: 'src/lib.rs' },
    { code: 'let npmrc = "//registry.npmjs.org/:_authToken=npmrc-fallback-token\\n//other.example.org/:_authToken=A_TOKEN\\n";', path: 'src/lib.rs' },
    { code: `//registry.example.org/:_auth=${Buffer.from('user:pass').toString('base64')}\n//registry.example.org/:_password=${Buffer.from('pass').toString('base64')}\n`, path: 'src/npmrc.rs' },
    // A format verb the shell fills from the environment: the safe way to write an .npmrc in CI.
    { code: 'printf \'//registry.npmjs.org/:_authToken=%s\\n\' "$NPM_TOKEN" > ~/.npmrc', path: '.claude/skills/release/SKILL.md' },
    { code: 'f.write("//npm.pkg.github.com/:_authToken={}\\n".format(token))', path: 'scripts/setup.py' },
    { code: '"//registry.npmjs.org/:_authToken" "${NPM_TOKEN}"\n', path: '.yarnrc' },
    // A template cut at a quote by the value's pattern is still a template.
    "//registry.npmjs.org/:_authToken=${npmToken('ci')}",
    '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    { code: '//npm.pkg.github.com/:_authToken=${GITHUB_TOKEN}\n@org:registry=https://npm.pkg.github.com', path: '.npmrc' },
    '//registry.npmjs.org/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '//registry.npmjs.org/:_authToken=<your-token>',
    // detect-secrets' shape rules: the registry part must end in `/:`.
    `//registry.npmjs.org:_authToken=${uuid}`,
    `registry.npmjs.org/:_authToken=${uuid}`,
    `///:_authToken=${uuid}`,
    // Unscoped keys only count in npmrc files.
    { code: `_authToken=${uuid}`, path: 'notes.txt' },
    { code: 'npmAuthToken: "${NPM_AUTH_TOKEN}"', path: '.yarnrc.yml' },
    // Yarn's own bundle declares the settings in minified code.
    { code: 'npmAuthIdent:{description:"Authentication identity for the npm registry",type:"SECRET",default:null}', path: '.yarn/releases/yarn-4.6.0.cjs' },
    { code: '{npmAlwaysAuth:r}:{},npmAuthToken:e}}},x=function(){}', path: '.yarn/releases/yarn-4.6.0.cjs' },
    { code: `const cfg = {npmAuthToken: "${rand(40, B64, 'yarnjs')}"}`, path: 'src/yarn-settings.js' },
    'always-auth=true',
  ],
  invalid: [
    { name: "Yarn 1's .yarnrc, key and value apart", code: `"//registry.npmjs.org/:_authToken" "${tok}"\n`, path: '.yarnrc', secret: tok },
    { name: '.yarnrc unquoted', code: `//npm.pkg.github.com/:_authToken ${legacy}\n`, path: '.yarnrc', secret: legacy },
    { code: `//registry.npmjs.org/:_authToken=${uuid}`, secret: uuid, count: 1, line: 1 },
    { code: `//registry.npmjs.org/:_authToken= ${tok}`, secret: tok },
    { code: `@org:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${legacy}`, secret: legacy, line: 2, path: '.npmrc' },
    { code: `//artifactory.corp.test/artifactory/api/npm/npm/:_auth=${basic}`, secret: basic },
    { code: `//nexus.corp.test/repository/npm/:_password=${Buffer.from(rand(14, undefined, 'nx')).toString('base64')}`, count: 1 },
    { name: 'unscoped in .npmrc', code: `registry=https://registry.npmjs.org/\n_authToken=${tok}`, secret: tok, line: 2, path: 'app/.npmrc' },
    { name: 'yarn berry', code: `npmRegistries:\n  "https://npm.corp.test":\n    npmAuthToken: "${rand(40, B64, 'yarn')}"`, line: 3, path: '.yarnrc.yml' },
    { name: 'yarn npmAuthIdent', code: `npmAuthIdent: "ci:${rand(20, undefined, 'ident')}"`, path: '.yarnrc.yml' },
    { name: 'yarn berry in a CI file', code: `    - run: echo ok\n      env:\n        npmAuthToken: ${rand(40, B64, 'yarnci')}`, path: '.github/workflows/ci.yml' },
  ],
});
