import rule from '../../../../src/engine/rules/secrets/ubidots-token.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const key = cat('BB', 'FF-', rand(30, ALNUM, 'ubidots'));
const us = cat('BB', 'US-', rand(30, ALNUM, 'ubidots-us'));

ruleTester(rule, {
  valid: [`TOKEN = "BBFF-${rand(29, ALNUM, 'a')}"`, `TOKEN = "BBFF-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"`, `UBIDOTS_TOKEN=\${UBIDOTS_TOKEN}`, `id: XBBFF-${rand(30, ALNUM, 'b')}`],
  invalid: [
    { code: `UBIDOTS_TOKEN=${key}`, path: '.env', secret: key, count: 1 },
    { code: `#define TOKEN "${us}"`, path: 'firmware.ino', secret: us },
    { code: `curl -H "X-Auth-Token: ${key}" https://industrial.api.ubidots.com/api/v1.6/devices/`, path: 'send.sh', secret: key },
    { code: `api = ApiClient(token="${key}")`, path: 'iot.py', secret: key },
  ],
});
