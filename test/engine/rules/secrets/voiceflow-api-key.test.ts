import rule from '../../../../src/engine/rules/secrets/voiceflow-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, HEX, ALNUM } from '../../../helpers/tokens.js';

const key = cat('VF.', 'DM.', rand(24, HEX, 'vf1'), '.', rand(16, ALNUM, 'vf2'));

ruleTester(rule, {
  valid: [
    `key = "VF.DM.${rand(24, HEX, 'a')}"`,
    `key = "VF.DM.${rand(23, HEX, 'b')}.${rand(16, ALNUM, 'c')}"`,
    `VOICEFLOW_API_KEY=\${VOICEFLOW_API_KEY}`,
    `key = "VF.DM.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxx"`,
  ],
  invalid: [
    { code: `VOICEFLOW_API_KEY=${key}`, path: '.env', secret: key, count: 1 },
    { code: `headers: { Authorization: '${key}' }`, path: 'chat.ts', secret: key },
    { code: `curl -H "Authorization: ${key}" https://general-runtime.voiceflow.com/state/user/1/interact`, path: 'call.sh', secret: key },
  ],
});
