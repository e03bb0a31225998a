import rule from '../../../../src/engine/rules/secrets/messagebird-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM } from '../../../helpers/tokens.js';

const key = rand(25, ALNUM, 'messagebird');

ruleTester(rule, {
  valid: [
    `access_key = "${key}"`,
    `MESSAGEBIRD_API_KEY=${rand(24, ALNUM, 'm')}`,
    `MESSAGEBIRD_API_KEY=\${MESSAGEBIRD_API_KEY}`,
    `messagebird_originator = "${key}"`,
    `const messagebird = require("messagebird")(process.env.MB_KEY);`,
  ],
  invalid: [
    { code: `MESSAGEBIRD_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `const messagebird = require('messagebird').initClient('x');\nconst client = messagebird('${key}');`, path: 'sms.js', secret: key },
    { code: `client = messagebird.Client('${key}')`, path: 'sms.py', secret: key },
    { code: `messagebird:\n  access_key: ${key}`, path: 'config.yml', secret: key },
    { code: `{"messageBirdAccessKey": "${key}"}`, path: 'app.json', secret: key },
  ],
});
