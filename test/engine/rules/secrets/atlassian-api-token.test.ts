import rule from '../../../../src/engine/rules/secrets/atlassian-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL, UPPER_ALNUM } from '../../../helpers/tokens.js';

const token = cat('ATA', 'TT3', rand(180, B64URL, 'att'), '=', rand(8, UPPER_ALNUM, 'attc'));
const admin = cat('ATC', 'TT3', rand(150, B64URL, 'act'), '=', rand(8, UPPER_ALNUM, 'actc'));
const legacy = rand(24, ALNUM, 'atl');
// A Data Center token: base64 of its numeric id, `:`, 20 random bytes.
const dcPat = Buffer.concat([Buffer.from('597243922500:'), Buffer.from(rand(40, '0123456789abcdef', 'dcpat'), 'hex')]).toString('base64');
// The same length of base64 with no id inside (random bytes).
const noId = cat(
  'N',
  Buffer.from(rand(64, '0123456789abcdef', 'noid'), 'hex')
    .toString('base64')
    .slice(1, 44),
);

ruleTester(rule, {
  valid: [
    'getPagesInConfluenceSpace,searchConfluenceUsingCql',
    `confluence_checksum=${noId}`,
    `token = "${cat('ATA', 'TT3')}${rand(10, B64URL, 'a')}"`, // too short, no checksum
    `JIRA_PROJECT_KEY=PROJ`,
    `jira_api_token = "${'x'.repeat(24)}"`,
    `jira_token = "${rand(24, 'abcdefghijklmnopqrstuvwxyz', 'b')}"`, // one case, no digits
    `api_token = "${legacy}"`, // no provider name
    'JIRA_API_TOKEN=${JIRA_API_TOKEN}',
    `jira configurationInstructionsTextX`, // a word after the name
    `jira:\n  region: ${legacy}`, // nested, not a credential key
    `jira:\n  client_id: ${legacy}`, // nested, an id
    `jira:\n  api_token: ${'a'.repeat(24)}`, // nested placeholder
  ],
  invalid: [
    { code: `confluence prod: https://wiki.prod.corp/wiki/\nconfluence_a=${dcPat}\n`, path: 'notes.txt', secret: dcPat, line: 2, count: 1 },
    { code: `JIRA_PAT = "${dcPat}"`, path: 'scripts/sync.py', secret: dcPat },
    { code: `JIRA_API_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `curl -u me@example.com:${admin} https://api.atlassian.com/admin/v1/orgs`, path: 'a.sh', secret: admin },
    { code: `JIRA_API_TOKEN=${legacy}`, path: '.env', secret: legacy },
    { code: `confluence:\n  x: 1\nconfluence_api_token: "${legacy}"`, path: 'c.yml', secret: legacy, line: 3 },
    { code: `jira ${legacy}`, secret: legacy },
    { code: `<atlassianToken>\n  ${legacy}\n</atlassianToken>`, path: 'a.xml', secret: legacy, line: 2 },
    { code: `jira:\n  api_token: ${legacy}\n`, path: 'config.yml', secret: legacy, count: 1 },
    { code: `[jira]\napi_token = "${legacy}"\n`, path: 'settings.toml', secret: legacy },
    { code: `services:\n  - jira:\n      api_token: ${legacy}\n`, path: 'config.yml', secret: legacy },
  ],
});
