import rule from '../../../../src/engine/rules/secrets/truenas-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, ALNUM, HEX } from '../../../helpers/tokens.js';

const key = `8-${rand(64, ALNUM, 'truenas')}`;
const key2 = `12-${rand(64, ALNUM, 'truenas-2')}`;

ruleTester(rule, {
  valid: [
    `{"msg": "method", "method": "auth.login_with_api_key", "params": ["<api key>"]}`,
    `{"method": "auth.login_with_api_key", "params": ["1-${rand(64, HEX, 'digest')}"]}`, // a hex digest
    `{"method": "auth.login_with_api_key", "params": [os.environ["TRUENAS_API_KEY"]]}`,
    `{"method": "pool.query", "params": ["${key}"]}`, // no login call in the file
    `c.call("auth.login_with_api_key", api_key)`,
  ],
  invalid: [
    {
      code: `{"id":"3286a508-a6ca-278a-c078-85b2b515d8d2", "msg":"method", "method":"auth.login_with_api_key", "params":["${key}"]}`,
      path: 'notes/ws.json',
      secret: key,
      count: 1,
      severity: 'critical',
    },
    {
      code: `{\n  "msg": "method",\n  "method": "auth.login_with_api_key",\n  "params": [\n    "${key2}"\n  ]\n}\n`,
      path: 'login.json',
      secret: key2,
      line: 5,
    },
    { code: `with Client() as c:\n    c.call("auth.login_with_api_key", "${key}")\n`, path: 'backup.py', secret: key, line: 2 },
  ],
});
