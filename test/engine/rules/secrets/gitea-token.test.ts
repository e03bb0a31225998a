import rule from '../../../../src/engine/rules/secrets/gitea-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX, ALNUM } from '../../../helpers/tokens.js';

const token = rand(40, HEX, 'gitea');

ruleTester(rule, {
  valid: [
    `GITEA_COMMIT=${token}`, // not a credential name
    `GITEA_TOKEN=${rand(40, ALNUM, 'alnum')}`.replace(/[g-zG-Z]/, 'q'), // not hex
    `GITEA_TOKEN=${rand(32, HEX, 'short')}`,
    'GITEA_TOKEN=${{ secrets.GITEA_TOKEN }}',
    `gitea_token: ${'0'.repeat(40)}`,
    `gitea:\n  region: ${token}`, // nested, not a credential key
    `gitea:\n  client_id: ${token}`, // nested, an id
    `gitea:\n  token: ${'a'.repeat(40)}`, // nested placeholder
  ],
  invalid: [
    { code: `GITEA_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `$GITEA_TOKEN="${token}"`, path: 'sync.ps1', secret: token },
    { code: `forgejo:\n  url: https://codeberg.org\nforgejo_api_token: ${token}`, path: 'config.yml', secret: token, line: 3 },
    { code: `CODEBERG_PAT = "${token}"`, path: 'publish.py', secret: token },
    { code: `gitea:\n  token: ${token}\n`, path: 'config.yml', secret: token, count: 1 },
    { code: `[gitea]\ntoken = "${token}"\n`, path: 'settings.toml', secret: token },
    { code: `services:\n  - gitea:\n      token: ${token}\n`, path: 'config.yml', secret: token },
  ],
});
