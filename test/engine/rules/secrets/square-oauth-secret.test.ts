import rule from '../../../../src/engine/rules/secrets/square-oauth-secret.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const secret = cat('sq0', 'csp-', rand(43, B64URL, 'sqs'));
const sandbox = cat('sandbox-', 'sq0', 'csb-', rand(43, B64URL, 'sqsb'));

ruleTester(rule, {
  valid: [
    `secret = "${cat('sq0', 'csp-')}${rand(30, B64URL, 'a')}"`,
    `secret = "${cat('sq0', 'csp-')}${'X'.repeat(43)}"`,
    `id = "${cat('sq0', 'idp-')}${rand(22, B64URL, 'b')}"`, // application id, public
    'SQUARE_APP_SECRET=${SQUARE_APP_SECRET}',
  ],
  invalid: [
    { code: `SQUARE_APPLICATION_SECRET=${secret}`, path: '.env', secret, count: 1 },
    { code: `value: "${secret}"`, path: 'deploy.yaml', secret },
    { code: `{"client_secret": "${sandbox}"}`, path: 'a.json', secret: sandbox },
  ],
});
