import rule from '../../../../src/engine/rules/secrets/sumo-logic-access-key.js';
import { ruleTester } from '../../../helpers/rule-tester.js';
import { rand, cat, ALNUM } from '../../../helpers/tokens.js';

const key = rand(64, ALNUM, 'sumo-key');
const id = cat('su', rand(12, ALNUM, 'sumo-id'));

ruleTester(rule, {
  valid: [
    `sumOfExposures = ${key};`, // not the product's name
    `consumo_key = "${key}"`,
    `sumObj = ${id}`,
    'SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY:=$2}',
    'SUMOLOGIC_ACCESSID: ${SUMOLOGIC_ACCESSID}',
    `sumo_access_key   = "<SUMOLOGIC ACCESS KEY>"`,
    `export SUMOLOGIC_ACCESSID=${'X'.repeat(14)}`,
    `sumologic_access_id = ""`,
    `SUMO_ACCESS_KEY: ${cat('AbCeFG', '123')}`, // too short
    `sumo_collector_url = "https://collectors.sumologic.com/receiver/v1/http/${rand(20, ALNUM, 'u')}"`,
    `sumologic:\n  endpoint: ${key}`, // nested, not a credential key
    `sumOfExposures:\n  key: ${key}`, // not the product's name
    `sumologic:\n  access_key: ${'ab'.repeat(32)}`, // nested placeholder
  ],
  invalid: [
    { code: `export SUMOLOGIC_ACCESSKEY="${key}"`, path: 'env.sh', secret: key, count: 1 },
    { code: `SUMO_ACCESS_KEY: ${key}`, path: 'ci.yml', secret: key },
    { code: `sumo_access_key = "${key}"`, path: 'main.tf', secret: key },
    { code: `sumologic.accessId = "${id}"`, path: 'app.properties', secret: id, count: 1 },
    { code: `SUMO_ACCESS_ID = "${id}"`, path: 'settings.py', secret: id },
    { code: `export SUMOLOGIC_ACCESSID="${id}"\nexport SUMOLOGIC_ACCESSKEY="${key}"`, path: '.envrc', count: 2 },
    { code: `sumologic:\n  access_key: ${key}\n  access_id: ${id}\n`, path: 'config.yml', secret: key },
    { code: `sumologic:\n  access_key: ${key}\n`, path: 'config.yml', secret: key, count: 1 },
    { code: `[sumo]\naccess_key = "${key}"\n`, path: 'settings.toml', secret: key },
    { code: `outputs:\n  - sumo_logic:\n      access_key: ${key}\n`, path: 'config.yml', secret: key },
  ],
});
