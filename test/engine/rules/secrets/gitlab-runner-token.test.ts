import rule from '../../../../src/engine/rules/secrets/gitlab-runner-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL, LOWER_ALNUM } from '../../../helpers/tokens.js';

const RT = cat('gl', 'rt-');
const REG = cat('GR134', '8941');
const auth = RT + rand(20, B64URL, 'glrt');
const routable = cat(RT, 't1_', rand(30, B64URL, 'glrt-r'), '.01.', rand(9, LOWER_ALNUM, 'glrt-c'));
const registration = REG + rand(20, B64URL, 'gr');

ruleTester(rule, {
  valid: [
    `token = "${REG}${'1231231231'.repeat(2)}"`, // repeated digits: a stand-in (low entropy)
    `token = "${REG}XXXXXXXXXXXXXXXXXXXX"`,
    `token = "${REG}${rand(12, B64URL, 'gr')}"`, // too short
    `token = "${RT}tx_${'x'.repeat(27)}.xxxxxxxxx"`,
    `token = "${RT}${rand(19, B64URL, 'glrt')}"`, // too short
    'runner_token: ${RUNNER_TOKEN}',
    'token = "{{ .Values.runnerToken }}"',
  ],
  invalid: [
    { code: `[[runners]]\n  name = "ci"\n  token = "${auth}"\n`, path: 'config.toml', secret: auth, line: 3 },
    { code: `gitlab-runner register --token ${routable} --url https://gitlab.com`, path: 'setup.sh', secret: routable, count: 1 },
    { code: `sudo gitlab-runner register --registration-token "${registration}" --executor docker`, secret: registration },
    { code: `runnerRegistrationToken: "${registration}"`, path: 'values.yaml', secret: registration },
    { code: `{"runner_token":"${auth}"}`, path: 'runner.json', secret: auth },
  ],
});
