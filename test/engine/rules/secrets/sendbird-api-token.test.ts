import rule from '../../../../src/engine/rules/secrets/sendbird-api-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, HEX } from '../../../helpers/tokens.js';

const key = rand(40, HEX, 'sendbird');

ruleTester(rule, {
  valid: [`api_token = "${key}"`, `SENDBIRD_API_TOKEN=${rand(39, HEX, 's')}`, `SENDBIRD_API_TOKEN=\${SENDBIRD_API_TOKEN}`, `sendbird_channel_url = "${key}"`, `sendbird_commit = "${key}"`],
  invalid: [
    { code: `SENDBIRD_API_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `sendbird:\n  api_token: ${key}`, path: 'chat.yml', secret: key },
    { code: `const sendbirdToken = "${key}";`, path: 'chat.ts', secret: key },
    { code: `{"sendbird_master_token": "${key}"}`, path: 'config.json', secret: key },
    { code: `curl -H "Api-Token: $T" x\nSENDBIRD_TOKEN='${key}'`, path: 'call.sh', secret: key },
  ],
});
