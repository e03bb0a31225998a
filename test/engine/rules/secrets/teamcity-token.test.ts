import rule from '../../../../src/engine/rules/secrets/teamcity-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, HEX, cat, rand } from '../../../helpers/tokens.js';

// The header `{"typ": "TCV2"}`, a base64 id, a base64 UUID: assembled at run time.
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const uuid = [rand(8, HEX, 'tc1'), rand(4, HEX, 'tc2'), cat('4', rand(3, HEX, 'tc3')), cat('8', rand(3, HEX, 'tc4')), rand(12, HEX, 'tc5')].join('-');
const header = b64('{"typ": "TCV2"}');
const token = [header, b64(rand(27, ALNUM + '-_', 'tcid')), b64(uuid)].join('.');
const truncated = token.slice(0, token.length - 20);
const notUuid = [header, b64(rand(27, ALNUM, 'tcid2')), b64(rand(36, ALNUM, 'tcx'))].join('.');

ruleTester(rule, {
  valid: [
    `TEAMCITY_TOKEN="${truncated}"`,
    `token = "${notUuid}"`,
    'TEAMCITY_TOKEN=${TEAMCITY_TOKEN}',
    // A JWT with another header is the jwt rule's.
    `token = "${[b64('{"alg":"HS256","typ":"JWT"}'), b64(rand(27, ALNUM, 'j')), b64(uuid)].join('.')}"`,
  ],
  invalid: [
    { code: `param("env.GIT_PAT_TOKEN", "${token}")`, secret: token, count: 1, path: '.teamcity/settings.kts' },
    { code: `$tcApiToken = "${token}"`, secret: token, path: 'release.ps1' },
    { code: `Authorization: Bearer ${token}`, secret: token, path: 'notes.md' },
    { code: `<token name="RPC2" value="${token}"/>`, secret: token, path: 'tokens.xml' },
  ],
});
