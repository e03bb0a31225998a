import rule from '../../../../src/engine/rules/secrets/plivo-auth-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { cat, rand, ALNUM, UPPER_ALNUM } from '../../../helpers/tokens.js';

const token = rand(40, ALNUM, 'plivo');
const authId = cat('MA', rand(18, UPPER_ALNUM, 'plivo-id'));

ruleTester(rule, {
  valid: [
    // The Auth ID is the account's user name.
    `PLIVO_AUTH_ID=${authId}`,
    `plivo:\n  auth_id: ${authId}`,
    `PLIVO_AUTH_TOKEN=${rand(39, ALNUM, 'p')}`,
    `PLIVO_AUTH_TOKEN=${rand(40, 'abcdefghijklmnopqrstuvwxyz', 'p')}`,
    `PLIVO_AUTH_TOKEN=\${PLIVO_AUTH_TOKEN}`,
    `PLIVO_AUTH_TOKEN=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
    `plivo_number_uuid = "${token}"`,
    `auth_token = "${token}"`,
    'Copy the Auth ID and Auth Token from the Plivo console overview into PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.',
  ],
  invalid: [
    { code: `PLIVO_AUTH_ID=${authId}\nPLIVO_AUTH_TOKEN=${token}`, path: '.env', secret: token, count: 1 },
    { code: `plivo:\n  auth_token: '${token}'\n  auth_id: ${authId}`, path: 'config.yml', secret: token, count: 1 },
    { code: `{"plivoAuthToken": "${token}"}`, path: 'config.json', secret: token },
    { code: `plivo_auth_token = "${token}"\nclient = plivo.RestClient(auth_id, plivo_auth_token)`, path: 'sms.py', secret: token },
    { code: `const plivoToken = \`${token}\`;`, path: 'sms.js', secret: token },
  ],
});
