import rule from '../../../../src/engine/rules/secrets/mandrill-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, B64URL, ALNUM } from '../../../helpers/tokens.js';

const key = rand(22, B64URL, 'mandrill');

ruleTester(rule, {
  valid: [
    `MANDRILL_API_KEY=${rand(21, ALNUM, 'm')}`,
    `MANDRILL_API_KEY=${rand(23, ALNUM, 'm')}`,
    `MANDRILL_API_KEY=\${MANDRILL_API_KEY}`,
    `MANDRILL_API_KEY=your_mandrill_key_here`,
    `MANDRILL_API_KEY=abcdefghijklmnopqrstuv`,
    `mandrill_template = "${key}"`,
    `api_key = "${key}"`,
    'Mandrill keys are created under Settings → SMTP & API Info; put yours in MANDRILL_API_KEY.',
  ],
  invalid: [
    { code: `MANDRILL_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `mandrill:\n  api_key: "${key}"`, path: 'config.yml', secret: key },
    { code: `{"mandrillKey": "${key}"}`, path: 'config.json', secret: key },
    { code: `$mandrill = new Mandrill('x');\n$mandrillApiKey = '${key}';`, path: 'mail.php', secret: key },
    { code: `MANDRILL_API_KEY = '${key}'`, path: 'settings.py', secret: key },
  ],
});
