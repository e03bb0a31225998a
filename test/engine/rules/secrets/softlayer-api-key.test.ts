import rule from '../../../../src/engine/rules/secrets/softlayer-api-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, LOWER_ALNUM, HEX } from '../../../helpers/tokens.js';

const k = rand(64, LOWER_ALNUM, 'sl-1');
const k2 = rand(64, LOWER_ALNUM, 'sl-2');

ruleTester(rule, {
  valid: [
    `softlayer_api_key="%s" % SL_API_KEY_ENV`,
    'SOFTLAYER_APIKEY: "insert_key_here"',
    'fake-softlayer-key= "not_long_enough"',
    `ssl_key = "${rand(64, HEX, 'ssl')}"`, // ssl_, not sl_
    `softlayer_api_key = "${k}extra"`,
    `softlayer_api_key = "${'abcdefghij'.repeat(6)}abcd"`, // letters only
  ],
  invalid: [
    { code: `--softlayer-api-key "${k}"`, path: 'deploy.sh', secret: k, count: 1 },
    { code: `--softlayer-api-key ${k2}`, secret: k2 },
    { code: `http://api.softlayer.com/soap/v3.1/${k}`, secret: k },
    { code: `SOFTLAYER-API-KEY : "${k2}"`, secret: k2 },
    { code: `sl_api_key: ${k}`, path: 'config.yml', secret: k },
    { code: `SLAPIKEY : ${k2}`, secret: k2 },
    { code: `softlayer_password = "${k}"`, secret: k },
  ],
});
