import rule from '../../../../src/engine/rules/secrets/bitbucket-app-password.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM, B64URL } from '../../../helpers/tokens.js';

const AT = cat('AT', 'BB');
const appPassword = AT + rand(32, ALNUM, 'atbb');
const short = AT + rand(14, B64URL, 'atbb-short');

ruleTester(rule, {
  valid: [
    `pw = "${AT}${rand(27, ALNUM, 'x')}"`, // neither 32 characters nor paired with a user
    `pw = "${AT}${'x'.repeat(32)}"`,
    `pw = "${AT}${rand(32, ALNUM, 'atbb').toLowerCase()}${rand(4, ALNUM, 'y')}"`, // 36: too long
    `${'u'.repeat(45)}:${short}`, // "user" longer than 30 characters: not a user name
    `xATBB${rand(32, ALNUM, 'atbb')}`.replace('ATBB', AT), // glued to a word
    'BITBUCKET_APP_PASSWORD=${BITBUCKET_APP_PASSWORD}',
  ],
  invalid: [
    { code: `BITBUCKET_APP_PASSWORD=${appPassword}`, path: '.env', secret: appPassword, count: 1 },
    { code: `git clone https://jdoe:${appPassword}@bitbucket.org/team/repo.git`, secret: appPassword, count: 1 },
    { code: `bitbucket:\n  password: "${appPassword}"\n`, path: 'config.yml', secret: appPassword, line: 2 },
    { code: `curl -u jdoe:${short} https://api.bitbucket.org/2.0/user`, path: 'ci.sh', secret: short },
    { code: `requests.get(url, auth=("builder", "${short}"))`, path: 'sync.py', secret: short },
  ],
});
