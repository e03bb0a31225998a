import rule from '../../../../src/engine/rules/secrets/sendgrid-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, B64URL } from '../../../helpers/tokens.js';

const key = cat('S', 'G.', rand(22, B64URL, 'sgid'), '.', rand(43, B64URL, 'sgs'));

ruleTester(rule, {
  valid: [
    `key = "${cat('S', 'G.')}${rand(22, B64URL, 'a')}..${rand(43, B64URL, 'b')}"`, // double dot
    `key = "${cat('A', 'G.')}${rand(22, B64URL, 'a')}.${rand(43, B64URL, 'b')}"`, // wrong prefix
    `const x = msg.${rand(22, B64URL, 'c')}.${rand(43, B64URL, 'd')}`, // msg.… member access
    `key = "${cat('S', 'G.')}${rand(22, B64URL, 'e')}."`, // truncated
    `notS${cat('G.')}${rand(22, B64URL, 'f')}.${rand(43, B64URL, 'g')}`,
    'SENDGRID_API_KEY=${SENDGRID_API_KEY}',
  ],
  invalid: [
    { code: `sgMail.setApiKey("${key}");`, secret: key, count: 1 },
    { code: `SENDGRID_API_KEY=${key}`, path: '.env', secret: key },
    { code: `sendgrid:\n  api_key: ${key}\n`, path: 'config.yml', secret: key, line: 2 },
    { code: `curl -H "Authorization: Bearer ${key}" https://api.sendgrid.com/v3/mail/send`, path: 'a.sh', secret: key },
    { code: `spring.sendgrid.api-key=${key}`, path: 'application.properties', secret: key },
  ],
});
