import rule from '../../../../src/engine/rules/secrets/tableau-pat-secret.js';
import { guardPlaceholders } from '../../../../src/engine/rules/secrets/lib/placeholder-guard.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { ALNUM, B64, HEX, cat, rand } from '../../../helpers/tokens.js';

// Assembled at run time: the repository must pass its own scan. 16 random bytes in base64, then 32 alphanumerics.
const head = cat(rand(21, B64, 'tableau-head'), 'g==');
const secret = cat(head, ':', rand(32, ALNUM, 'tableau'));
// A salt and a hex digest joined the same way: a password hash.
const saltedHash = cat(rand(21, B64, 'tableau-salt'), 'Q==', ':', rand(32, HEX, 'tableau-md5'));
// 18 bytes end in no `==`; a second half in one case is no Tableau secret.
const longer = cat(rand(24, B64, 'tableau-18'), ':', rand(32, ALNUM, 'tableau2'));
const lowerTail = cat(head, ':', rand(32, 'abcdefghijklmnopqrstuvwxyz0123456789', 'tableau3'));

ruleTester(guardPlaceholders(rule), {
  valid: [
    `hash = "${saltedHash}"`,
    `secret = "${longer}"`,
    `secret = "${lowerTail}"`,
    `secret = "x${secret}"`, // glued to other text
    `personalAccessTokenSecret = "${'A'.repeat(22)}==:${'x'.repeat(32)}"`,
    'TABLEAU_PAT_SECRET=${TABLEAU_PAT_SECRET}',
  ],
  invalid: [
    { code: `TABLEAU_PAT_SECRET=${secret}`, path: '.env', secret, count: 1, line: 1 },
    { code: `tableau_auth = TSC.PersonalAccessTokenAuth("ci-token", "${secret}", site_id="acme")`, path: 'publish.py', secret },
    { code: `{"credentials": {"personalAccessTokenName": "ci", "personalAccessTokenSecret": "${secret}"}}`, path: 'signin.json', secret },
    { code: `tabcmd login --token-name ci --token-value ${secret}`, path: 'deploy.sh', secret },
    { code: `pat ci-token\n${secret}\nserver=prod.online.tableau.com`, path: 'notes.txt', secret },
  ],
});
